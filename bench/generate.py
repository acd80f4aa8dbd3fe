#!/usr/bin/env python3
"""Deterministic generator of realistic cooperation webs (issue 7), Python 3 standard library only.

    python3 bench/generate.py S|M|L [--seed 1] [--out bench/data]

writes OUT/<SIZE>-seed<SEED>/bundle/*.csv, a CSV bundle in domain.md's format, and, for the synthetic
countries M and L, OUT/<SIZE>-seed<SEED>/geography/{counties,municipalities,borders}.csv (the harness
loads these before the bundle, see bench/README.md). The same seed gives byte-identical files: the only
source of randomness is one random.Random(seed), used only through random() (stable across Python versions),
and every collection is walked in a fixed order. coverage.csv (80 % of the municipalities declare every form
from 2006) comes from a second random.Random of its own, so adding it left every other file as it was.

S  Sweden: the real 290 municipality codes and borders (shared polygon vertices of the shipped geojson,
   the rule of domain.md), synthetic heavy-tailed populations, about 3,000 bodies; loads into the app as-is.
M  10,000 synthetic municipalities (4-digit codes 0000-9999) on a jittered grid triangulation.
L  100,000 synthetic municipalities; codes are 6 digits because 4 digits cannot number them, so L does not
   pass today's loader (which takes 4-digit SCB codes only); see bench/README.md.
"""
import argparse
import csv
import datetime
import json
import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REFERENCE = os.path.join(ROOT, "src", "main", "resources", "reference")
START = datetime.date(2006, 1, 1)
MONTHS = 240  # twenty years of history, 2006-01 .. 2025-12
SOURCE = "generated"

SIZES = {"S": 290, "M": 10_000, "L": 100_000}
# Bodies per municipality of each kind at S (about 3,000 bodies in all); M and L scale them by 0.4, which
# gives L about 400,000 bodies and 2,000,000 party rows.
PER_MUNICIPALITY = {"AGREEMENT": 6.5, "JOINT_COMMITTEE": 2.0, "AREA_FEDERATION": 0.15, "COMPANY": 0.6,
                    "ASSOCIATION": 0.1}
SCALE = {"S": 1.0, "M": 0.4, "L": 0.4}
GROUP_SIZE = 12  # sub-regional federations (Skaraborg has 15 members, GR 13)

JC_AREAS = ["lon", "it", "overformyndare", "e-arkiv", "ekonomi", "hr", "alkoholtillstand", "socialtjanst",
            "bygg-miljo", "miljo-livsmedel", "skuldradgivning"]
AGREEMENT_AREAS = ["it", "e-arkiv", "upphandling", "juridik", "lon", "service-teknik", "skuldradgivning",
                   "beredskap", "brottsforebyggande", "alkoholtillstand", "taxor", "bibliotek", "naturvard",
                   "stadsarkitekt", "teknisk-tillsyn", "gymnasieskola", "energi", "klimat", "folkhalsa"]
FEDERATION_AREAS = ["raddningstjanst", "miljo-livsmedel", "va", "avfall", "gymnasieskola", "bygg-miljo"]
COMPANY_AREAS = ["va", "avfall", "energi", "it", "regional-utveckling"]
ASSOCIATION_AREAS = ["kultur", "folkhalsa", "regional-utveckling", "klimat", "bibliotek"]
LEVELS = ["POLITICAL", "STRATEGIC", "TACTICAL", "OPERATIONAL"]
COVERED_SHARE = 0.8  # of the municipalities declare that the data lists all their bodies (coverage.csv)
LINK_KINDS = ["JOINT_MEETING", "SHARED_INITIATIVE", "LIAISON", "OTHER"]


class Rng:
    """Everything random goes through random(), whose sequence Python keeps stable across versions."""

    def __init__(self, seed):
        import random
        self.r = random.Random(seed)

    def random(self):
        return self.r.random()

    def below(self, n):
        return min(n - 1, int(self.r.random() * n))

    def between(self, lo, hi):  # inclusive
        return lo + self.below(hi - lo + 1)

    def chance(self, p):
        return self.r.random() < p

    def pick(self, items):
        return items[self.below(len(items))]

    def pareto(self, alpha):
        return 1.0 / (1.0 - self.r.random()) ** (1.0 / alpha)

    def shuffle(self, items):
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]


def people(rng):
    """Pareto(1.1) from 2,500, capped at 1,000,000 (Sweden: 2,400 to 980,000): heavy-tailed but bounded."""
    return min(1_000_000, int(2500 * rng.pareto(1.1)))


def month(m):
    """The first day of month m counted from 2006-01 (m may exceed the window for end dates)."""
    return datetime.date(START.year + m // 12, m % 12 + 1, 1).isoformat()


# ---------------------------------------------------------------------------------------------- geography

def sweden(rng):
    with open(os.path.join(REFERENCE, "municipalities.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    codes = sorted(r["municipality_code"] for r in rows)
    county = {r["municipality_code"]: r["county_code"] for r in rows}
    with open(os.path.join(REFERENCE, "municipalities.geojson"), encoding="utf-8") as f:
        geo = json.load(f)
    owners = {}
    centroid = {}

    def walk(coords, code):
        if isinstance(coords[0], (int, float)):
            owners.setdefault((coords[0], coords[1]), set()).add(code)
        else:
            for c in coords:
                walk(c, code)

    for feature in geo["features"]:
        code = feature["properties"]["id"]
        p = feature["properties"]["geo_point_2d"]
        centroid[code] = (p[0], p[1])
        walk(feature["geometry"]["coordinates"], code)
    borders = set()
    for codes_at in owners.values():
        s = sorted(codes_at)
        for i in range(len(s)):
            for j in range(i + 1, len(s)):
                borders.add((s[i], s[j]))
    population = {c: people(rng) for c in codes}
    return codes, county, centroid, sorted(borders), population


def synthetic(n, rng):
    """n points on a jittered square grid; borders = the edges of a triangulation of the grid (each cell
    split by one diagonal chosen at random), a planar graph like real municipal borders (mean degree ~6)."""
    side = math.ceil(math.sqrt(n))
    width = 4 if n <= 10_000 else 6
    codes = [str(k).zfill(width) for k in range(n)]
    block = math.ceil(side / 10)  # 10 x 10 counties, codes 00..99
    spacing = min(0.3, 30.0 / side)  # degrees of latitude between neighbours (~33 km at M)
    county, centroid, population = {}, {}, {}
    for k in range(n):
        i, j = divmod(k, side)
        county[codes[k]] = "%d%d" % (i // block, j // block)
        lat = 36.0 + (i + 0.7 * (rng.random() - 0.5)) * spacing
        lon = -9.0 + (j + 0.7 * (rng.random() - 0.5)) * spacing * 1.6
        centroid[codes[k]] = (round(lat, 6), round(lon, 6))
        population[codes[k]] = people(rng)
    borders = []

    def at(i, j):
        k = i * side + j
        return k if 0 <= i < side and 0 <= j < side and k < n else None

    for i in range(side):
        for j in range(side):
            a = at(i, j)
            if a is None:
                continue
            right, down, diag = at(i, j + 1), at(i + 1, j), at(i + 1, j + 1)
            if right is not None:
                borders.append((a, right))
            if down is not None:
                borders.append((a, down))
            flip = rng.chance(0.5)
            if not flip and diag is not None:
                borders.append((a, diag))
            if flip and right is not None and down is not None:
                borders.append((right, down))
    borders = sorted((codes[min(a, b)], codes[max(a, b)]) for a, b in borders)
    return codes, county, centroid, borders, population


def write_geography(out, codes, county, centroid, borders, population):
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "counties.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["county_code", "county_name"])
        for c in sorted(set(county.values())):
            w.writerow([c, "Län %s" % c])
    with open(os.path.join(out, "municipalities.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "county_code", "lat", "lon", "population"])
        for c in codes:
            w.writerow([c, "Kommun %s" % c, county[c], centroid[c][0], centroid[c][1], population[c]])
    with open(os.path.join(out, "borders.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["a", "b"])
        w.writerows(borders)


# ---------------------------------------------------------------------------------------------- the web

class Web:
    def __init__(self, rng, codes, county, borders, population):
        self.rng = rng
        self.codes = codes
        self.county = county
        self.population = population
        self.adj = {c: [] for c in codes}
        for a, b in borders:
            self.adj[a].append(b)
            self.adj[b].append(a)
        for c in codes:
            self.adj[c].sort()
        # cumulative host weight: the square root of the population, so larger municipalities host more but a
        # capital does not host a thousand bodies with the same few neighbours (at M, weight ∝ population gave
        # pairs sharing 2,600 bodies; real pairs share tens)
        self.cumulative = []
        total = 0.0
        for c in codes:
            total += math.sqrt(population[c])
            self.cumulative.append(total)
        self.bodies, self.parties, self.actors, self.areas = [], [], [], []
        self.links, self.goals, self.body_goals, self.goal_relations = [], [], [], []
        self.counter = {}
        with open(os.path.join(REFERENCE, "areas.csv"), encoding="utf-8") as f:
            self.areas_by_sector = {}
            for r in csv.DictReader(f):
                self.areas_by_sector.setdefault(r["sector"], []).append(r["id"])
        self.sectors = sorted(self.areas_by_sector)

    def new_id(self, prefix):
        n = self.counter.get(prefix, 0) + 1
        self.counter[prefix] = n
        return "%s-%06d" % (prefix, n)

    def by_population(self, candidates=None):
        """A municipality drawn with probability proportional to the square root of its population (of the
        candidates, when given)."""
        if candidates is None:
            import bisect
            x = self.rng.random() * self.cumulative[-1]
            return self.codes[min(len(self.codes) - 1, bisect.bisect_right(self.cumulative, x))]
        total = sum(math.sqrt(self.population[c]) for c in candidates)
        x = self.rng.random() * total
        for c in candidates:
            x -= math.sqrt(self.population[c])
            if x < 0:
                return c
        return candidates[-1]

    def grow(self, seed, k):
        """A connected group of up to k municipalities around seed, grown through borders at random."""
        group, inside, frontier = [seed], {seed}, list(self.adj[seed])
        while len(group) < k and frontier:
            i = self.rng.below(len(frontier))
            v = frontier[i]
            frontier[i] = frontier[-1]
            frontier.pop()
            if v not in inside:
                group.append(v)
                inside.add(v)
                frontier.extend(self.adj[v])
        return group

    def life(self, p_end=0.3, earliest=0):
        start = self.rng.between(earliest, MONTHS - 6)
        end = None
        if self.rng.chance(p_end):
            end = start + self.rng.between(12, 120)
            if end >= MONTHS:
                end = None
        return start, end

    def body(self, form, name, start, end, sector="", level="", governance="", seat=""):
        bid = self.new_id({"FEDERATION": "forb", "JOINT_COMMITTEE": "gn", "AGREEMENT": "avt", "COMPANY": "bol",
                           "ASSOCIATION": "for", "NETWORK": "nat", "INITIATIVE": "proj"}[form])
        self.bodies.append([bid, form, name, sector, level, governance, seat,
                            "" if start is None else month(start), "" if end is None else month(end), SOURCE])
        return bid

    def party(self, bid, party, role, start, end):
        self.parties.append([bid, party, role, "" if start is None else month(start),
                             "" if end is None else month(end), "", SOURCE])

    def members(self, bid, group, role, start, end, keep=()):
        """Rows for a group over the body's life; some parties join late or leave early."""
        for c in group:
            s, e = start, end
            if c not in keep and start is not None and self.rng.chance(0.12):
                last = (end if end is not None else MONTHS) - 1
                if last > start + 1:
                    if self.rng.chance(0.5):
                        s = self.rng.between(start + 1, last)
                    else:
                        e = self.rng.between(start + 1, last)
            self.party(bid, c, role, s, e)

    def hosted(self, form, area, host, group, start, end):
        name = "%s %s, värd %s" % ("Gemensam nämnd" if form == "JOINT_COMMITTEE" else "Avtalssamverkan", area, host)
        bid = self.body(form, name, start, end)
        self.areas.append([bid, area])
        others = [c for c in group if c != host]
        life_end = end if end is not None else MONTHS
        if len(others) > 0 and life_end - start > 48 and self.rng.chance(0.1):
            # the host changes half-way: the old host stays on as a participant
            t = start + (life_end - start) // 2
            new = others[0]
            self.party(bid, host, "HOST", start, t)
            self.party(bid, host, "PARTICIPANT", t, end)
            self.party(bid, new, "PARTICIPANT", start, t)
            self.party(bid, new, "HOST", t, end)
            self.members(bid, others[1:], "PARTICIPANT", start, end)
        else:
            self.party(bid, host, "HOST", start, end)
            self.members(bid, others, "PARTICIPANT", start, end)
        return bid

    def generate(self, size):
        rng = self.rng
        n = len(self.codes)
        scale = SCALE[size]
        counties = sorted(set(self.county.values()))
        for c in counties:
            self.actors.append(["region-%s" % c, "REGION", "Region %s" % c, SOURCE])
            self.actors.append(["lst-%s" % c, "AGENCY", "Länsstyrelsen %s" % c, SOURCE])
        for g in range(1, 13):
            self.goals.append(["mal-%02d" % g, "Mål %d" % g, SOURCE])
        for g in range(1, 12, 2):
            self.goal_relations.append(["mal-%02d" % g, "mal-%02d" % (g + 1), "SUPPORTS" if g % 4 == 1 else "CONFLICTS_WITH"])

        # 1. Sub-regional federations over a partition into contiguous groups (multi-source BFS).
        order = list(self.codes)
        rng.shuffle(order)
        group_of = {}
        queue = []
        for g, seed in enumerate(order[:max(1, n // GROUP_SIZE)]):
            group_of[seed] = g
            queue.append(seed)
        head = 0
        while head < len(queue):
            v = queue[head]
            head += 1
            for w in self.adj[v]:
                if w not in group_of:
                    group_of[w] = group_of[v]
                    queue.append(w)
        groups = {}
        for c in self.codes:
            if c in group_of:
                groups.setdefault(group_of[c], []).append(c)
        for g in sorted(groups):
            members = groups[g]
            if len(members) < 2:
                continue
            seat = max(members, key=lambda c: (self.population[c], c))
            fed = self.body("FEDERATION", "Kommunalförbundet %s" % seat, None, None,
                            governance=rng.pick(["ASSEMBLY", "DIRECTORATE"]), seat=seat)
            self.areas.append([fed, "regional-utveckling"])
            self.members(fed, members, "MEMBER", None, None)
            self.body_goals.append([fed, "mal-%02d" % rng.between(1, 12)])
            # networks of the federation across sectors and levels, convened by it
            cells = [(s, l) for s in self.sectors for l in LEVELS]
            rng.shuffle(cells)
            networks = []
            for sector, level in cells[:rng.between(3, 8)]:
                start, end = self.life(p_end=0.2)
                net = self.body("NETWORK", "Nätverk %s %s (%s)" % (sector.lower(), level.lower(), seat), start, end,
                                sector=sector, level=level)
                self.party(net, fed, "CONVENER", start, end)
                part = [c for c in members if rng.chance(0.8)] or members[:2]
                self.members(net, part, "PARTICIPANT", start, end)
                self.areas.append([net, rng.pick(self.areas_by_sector[sector])])
                self.body_goals.append([net, "mal-%02d" % rng.between(1, 12)])
                networks.append((net, start, end))
            for i in range(len(networks)):
                for j in range(i + 1, len(networks)):
                    if rng.chance(0.15):
                        a, sa, ea = networks[i]
                        b, sb, eb = networks[j]
                        ends = [e for e in (ea, eb) if e is not None]
                        s, e = max(sa, sb), (min(ends) if ends else None)
                        if e is None or e > s:
                            lo, hi = (a, b) if a < b else (b, a)
                            self.links.append([lo, hi, rng.pick(LINK_KINDS), month(s),
                                               "" if e is None else month(e), SOURCE])
            # initiatives: a few members and an open-ended network of the federation
            for _ in range(rng.between(0, 2)):
                open_nets = [x for x in networks if x[2] is None and x[1] < MONTHS - 30]
                earliest = max([x[1] for x in open_nets][:1] or [0])
                start = rng.between(earliest, MONTHS - 24)
                end = start + rng.between(12, 48)
                end = end if end < MONTHS else None
                proj = self.body("INITIATIVE", "Projekt %s" % self.new_id("p"), start, end)
                self.party(proj, fed, "CONVENER", start, end)
                self.members(proj, self.grow(rng.pick(members), rng.between(2, 5)), "PARTICIPANT", start, end)
                if open_nets and open_nets[0][1] <= start:
                    self.party(proj, open_nets[0][0], "PARTICIPANT", start, end)
                self.party(proj, "lst-%s" % self.county[seat], "PARTICIPANT", start, end)
                self.body_goals.append([proj, "mal-%02d" % rng.between(1, 12)])

        # 2. Area federations (räddningstjänst, miljö ...) over small contiguous groups.
        for _ in range(round(n * PER_MUNICIPALITY["AREA_FEDERATION"] * scale)):
            group = self.grow(self.by_population(), rng.between(2, 7))
            if len(group) < 2:
                continue
            area = rng.pick(FEDERATION_AREAS)
            seat = max(group, key=lambda c: (self.population[c], c))
            start, end = self.life(p_end=0.15)
            fed = self.body("FEDERATION", "Förbund %s %s" % (area, seat), start, end,
                            governance=rng.pick(["ASSEMBLY", "DIRECTORATE"]), seat=seat)
            self.areas.append([fed, area])
            self.members(fed, group, "MEMBER", start, end, keep=(seat,))

        # 3. Joint committees and agreements among neighbours, hosts drawn by population.
        for form, areas, lo, hi in (("JOINT_COMMITTEE", JC_AREAS, 2, 6), ("AGREEMENT", AGREEMENT_AREAS, 2, 4)):
            for _ in range(round(n * PER_MUNICIPALITY[form] * scale)):
                host = self.by_population()
                group = self.grow(host, rng.between(lo, hi))
                if len(group) < 2:
                    continue
                start, end = self.life(p_end=0.35)
                self.hosted(form, rng.pick(areas), host, group, start, end)
        # joint committees in health and care hosted by a region
        for _ in range(round(n * 0.05 * scale)):
            seed = rng.pick(self.codes)
            group = self.grow(seed, rng.between(2, 6))
            start, end = self.life(p_end=0.2)
            bid = self.body("JOINT_COMMITTEE", "Gemensam nämnd nära vård %s" % seed, start, end)
            self.areas.append([bid, "nara-vard"])
            self.party(bid, "region-%s" % self.county[seed], "HOST", start, end)
            self.members(bid, group, "PARTICIPANT", start, end)

        # 4. Jointly owned companies (some with the region) and associations.
        for _ in range(round(n * PER_MUNICIPALITY["COMPANY"] * scale)):
            seed = self.by_population()
            group = self.grow(seed, rng.between(2, 8))
            if len(group) < 2:
                continue
            start, end = self.life(p_end=0.1)
            area = rng.pick(COMPANY_AREAS)
            bid = self.body("COMPANY", "%s AB (%s)" % (area.capitalize(), seed), start, end)
            self.areas.append([bid, area])
            self.members(bid, group, "MEMBER", start, end)
            if rng.chance(0.3):
                self.party(bid, "region-%s" % self.county[seed], "MEMBER", start, end)
        for _ in range(round(n * PER_MUNICIPALITY["ASSOCIATION"] * scale)):
            group = self.grow(rng.pick(self.codes), rng.between(5, 30))
            if len(group) < 2:
                continue
            start, end = self.life(p_end=0.1)
            area = rng.pick(ASSOCIATION_AREAS)
            bid = self.body("ASSOCIATION", "Föreningen %s %s" % (area, group[0]), start, end)
            self.areas.append([bid, area])
            self.members(bid, group, "MEMBER", start, end)

    def declare_coverage(self, rng, share):
        """Declares each municipality covered for every form, from the window's start, with probability share."""
        self.coverage = [[code, "", month(0), "", "generated"] for code in self.codes if rng.chance(share)]

    def write(self, out):
        os.makedirs(out, exist_ok=True)
        files = [
            ("bodies.csv", "id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source", self.bodies),
            ("parties.csv", "body_id,party,role,valid_from,valid_to,representative,source", self.parties),
            ("actors.csv", "id,kind,name,source", self.actors),
            ("areas.csv", "body_id,area", self.areas),
            ("links.csv", "a,b,kind,valid_from,valid_to,source", self.links),
            ("goals.csv", "id,name,source", self.goals),
            ("body_goals.csv", "body_id,goal_id", self.body_goals),
            ("goal_relations.csv", "a,b,kind", self.goal_relations),
            ("coverage.csv", "municipality,forms,valid_from,valid_to,source", self.coverage),
        ]
        for name, header, rows in files:
            with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
                f.write(header + "\n")
                csv.writer(f, lineterminator="\n").writerows(rows)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("size", choices=sorted(SIZES))
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", default=os.path.join(ROOT, "bench", "data"))
    a = p.parse_args()
    rng = Rng(a.seed)
    folder = os.path.join(a.out, "%s-seed%d" % (a.size, a.seed))
    if a.size == "S":
        codes, county, centroid, borders, population = sweden(rng)
    else:
        codes, county, centroid, borders, population = synthetic(SIZES[a.size], rng)
        write_geography(os.path.join(folder, "geography"), codes, county, centroid, borders, population)
    web = Web(rng, codes, county, borders, population)
    web.generate(a.size)
    # Coverage (domain.md item 8) from a random stream of its own, so the other files stay as they were before
    # coverage was generated: without it no municipality is covered, and gaps and host concentration have nothing to do.
    web.declare_coverage(Rng(a.seed * 7919 + 17), COVERED_SHARE)
    web.write(os.path.join(folder, "bundle"))
    print(json.dumps({"size": a.size, "seed": a.seed, "folder": folder, "municipalities": len(codes),
                      "borders": len(borders), "bodies": len(web.bodies), "parties": len(web.parties),
                      "links": len(web.links)}))


if __name__ == "__main__":
    sys.exit(main())
