"""Times POST /api/scenarios/compare on the running app (reference data): N distinct scenarios of 10 LEAVE changes
drawn from Västra Götaland's joint committees and agreements (non-host parties), focus 1497, scope county:14.
Each scenario is new to the server (its digest differs), so the 'after' side is computed each time."""
import json, random, urllib.parse, urllib.error, statistics, sys, time, urllib.request
base = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8080"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
def get(path):
    with urllib.request.urlopen(base + path) as r:
        return json.load(r)
bodies = get("/api/bodies?q=&limit=5000")
items = bodies["items"] if isinstance(bodies, dict) and "items" in bodies else bodies
rows = []
for b in items:
    if not b.get("active", True):
        continue
    d = get("/api/bodies/" + urllib.parse.quote(b["id"]))
    for p in d.get("parties", []):
        if p.get("active", True) and p.get("role") in ("MEMBER", "PARTICIPANT") and str(p.get("party", p.get("id", ""))).isdigit() and str(p.get("party", ""))[:2] in ("14", "15", "16") and len(str(p.get("party", ""))) == 4:
            rows.append((b["id"], p.get("party", p.get("id"))))
print("candidate LEAVE rows:", len(rows), file=sys.stderr)
rnd = random.Random(1)
times = []
for i in range(n):
    pick, seen = [], set()
    while len(pick) < 10:
        body, party = rnd.choice(rows)
        if body in seen:
            continue
        seen.add(body)
        pick.append({"type": "LEAVE", "body": body, "party": party})
    req = {"scenario": {"name": "bench %d" % i, "changes": pick}, "id": None, "shared": None,
           "focus": ["1497"], "scope": "county:14", "forms": None, "illustrative": True}
    data = json.dumps(req).encode()
    t = time.perf_counter()
    r = urllib.request.Request(base + "/api/scenarios/compare", data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(r) as resp:
            resp.read()
            code = resp.status
    except urllib.error.HTTPError as e:
        code = e.code
        print(e.read()[:300], file=sys.stderr)
    times.append((time.perf_counter() - t) * 1000)
    print("%2d %d %.1f ms" % (i, code, times[-1]), file=sys.stderr)
warm = times[5:]
print(json.dumps({"requests": n, "first_ms": round(times[0], 1), "median_warm_ms": round(statistics.median(warm), 1),
                  "max_warm_ms": round(max(warm), 1)}))
