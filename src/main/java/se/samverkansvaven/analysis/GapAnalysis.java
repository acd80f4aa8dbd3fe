package se.samverkansvaven.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jgrapht.Graphs;
import se.samverkansvaven.analysis.data.CooperationData.AreaInfo;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.analysis.data.CooperationData.Place;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;

/**
 * Gaps and candidate partners, domain.md item 5, with what the data knows (item 8).
 *
 * <p>m covers a when it is a party (any role) to an active body in the chosen forms that covers a. A gap is
 * (m, a) with m <b>covered</b> for the chosen forms (item 8: of an uncovered municipality, not covering a is
 * unknown, never a gap), m not covering a, and at least one bordering municipality covering a. Its strength
 * counts, among m's neighbours ({@link CooperationData#borders()}) whose coverage of a is known (covered for
 * the forms, or party to a known body covering a), the share that cover a; the other neighbours are listed as
 * unknown. Options, each kind ranked 1, 2, ... and explained in Swedish and English:
 * <ul>
 *   <li>JOIN: an active body in the chosen forms covering a with a municipality party bordering m; most
 *       bordering parties first, then the distance from m to the host, else (no municipal host: none, or a
 *       region, which has no centroid) the seat, else the nearest municipality party; then body id.</li>
 *   <li>HOST: a municipality other than m, within maxKm of m, that is HOST of a body in the chosen forms
 *       covering a; by distance, then code. (JOIN and HOST rest on known bodies: item 8 leaves them as they
 *       were.)</li>
 *   <li>START: the connected group containing m in BORDERS restricted to the covered municipalities with the
 *       same gap; offered only when it holds someone besides m. The uncovered municipalities bordering the group
 *       that are not known to cover a are listed apart as {@code unknown}, never as members.</li>
 * </ul>
 * Distances: haversine between centroids, R = 6371 km ({@link GreatCircle}). The START group is computed
 * over every municipality, also when a municipality filter narrows what is reported.
 *
 * <p><b>Provenance.</b> {@code illustrative} is true on a gap when a fact it rests on is known only from
 * illustrative rows: m's coverage, a covering neighbour's coverage of a (no real body and real party row gives
 * it), or a non-covering neighbour's coverage (only an illustrative coverage row makes it known); on a JOIN
 * option when its body or one of the body's party rows is illustrative; on a HOST option when one of the
 * bodies listed is; on a START option when one of its members' gaps is.
 */
public final class GapAnalysis implements CooperationAnalysis<GapAnalysis.Query, GapAnalysis.Gaps> {

    static final double DEFAULT_MAX_KM = 50.0;

    /**
     * @param area         only this service area (null: every area some body covers)
     * @param municipality only this municipality's gaps (null: all)
     * @param forms        null or empty: {@link Form#DEFAULT_ANALYSIS_FORMS}
     * @param maxKm        HOST radius, null: 50
     * @param limit        at most this many gaps, the first in the answer's order, and only theirs get options (the
     *                     options of every gap grow with gaps × nearby hosts × group sizes); null: every gap
     */
    public record Query(String area, String municipality, Set<Form> forms, Double maxKm, Integer limit) {
        public Query {
            forms = forms == null || forms.isEmpty() ? Form.DEFAULT_ANALYSIS_FORMS : Set.copyOf(EnumSet.copyOf(forms));
            maxKm = maxKm == null ? DEFAULT_MAX_KM : maxKm;
            if (!(maxKm >= 0) || maxKm.isInfinite()) {
                throw new IllegalArgumentException("gaps: maxKm must be a non-negative number of km, was " + maxKm);
            }
            if (limit != null && limit < 1) {
                throw new IllegalArgumentException("gaps: the limit must be at least 1, was " + limit);
            }
        }

        /** Every gap. */
        public Query(String area, String municipality, Set<Form> forms, Double maxKm) {
            this(area, municipality, forms, maxKm, null);
        }

        static Query all() {
            return new Query(null, null, null, null);
        }
    }

    /** Where a JOIN option's distance is measured to. */
    public enum DistanceBasis { HOST, SEAT, NEAREST_PARTY }

    /**
     * @param borderingParties municipality parties of the body that border m, ascending
     * @param distanceTo       the municipality the distance is measured to (host, seat or nearest party)
     */
    public record JoinOption(int rank, String body, String bodyName, Form form, List<String> borderingParties,
                             DistanceBasis distanceBasis, String distanceTo, double distanceKm,
                             String reasonSv, String reasonEn, boolean illustrative) {}

    /** @param bodies the bodies covering the area it hosts (in the chosen forms), ascending */
    public record HostOption(int rank, String code, String name, double distanceKm, List<String> bodies,
                             String reasonSv, String reasonEn, boolean illustrative) {}

    /**
     * @param members the connected group of covered municipalities with the same gap, m included, ascending
     * @param unknown uncovered municipalities bordering a member and not known to cover the area: they may lack
     *                it too, the data does not say; never members
     */
    public record StartOption(int rank, List<String> members, List<String> unknown, String reasonSv, String reasonEn,
                              boolean illustrative) {}

    /**
     * @param neighbours          number of bordering municipalities
     * @param knownNeighbours     of those, the ones whose coverage of the area is known (covered for the forms, or
     *                            party to a known body covering it): the denominator of strength
     * @param coveringNeighbours  the neighbours that cover the area, ascending
     * @param unknownNeighbours   the neighbours whose coverage of the area is unknown, ascending
     * @param strength            coveringNeighbours / knownNeighbours
     * @param start               null when m is alone with the gap
     */
    public record Gap(String code, String name, String area, String areaNameSv, String areaNameEn, int neighbours,
                      int knownNeighbours, List<String> coveringNeighbours, List<String> unknownNeighbours,
                      double strength, List<JoinOption> join, List<HostOption> host, StartOption start,
                      boolean illustrative) {}

    /**
     * @param gaps      strength desc, then code, then area (with a limit, the first {@code limit} of them)
     * @param gapsTotal with a limit, how many gaps there are in all; null (and not in the JSON) without one
     */
    public record Gaps(LocalDate asOf, String area, String municipality, List<Form> forms, double maxKm, List<Gap> gaps,
                       @JsonInclude(JsonInclude.Include.NON_NULL)
                       Integer gapsTotal) {}

    /** A gap before its options: enough to order the gaps and choose the ones answered. */
    private record Head(String code, String area, double strength) {}

    private static final Comparator<Head> ANSWER_ORDER = Comparator.comparingDouble(Head::strength).reversed()
            .thenComparing(Head::code).thenComparing(Head::area);

    private static final Locale SV = Locale.forLanguageTag("sv-SE");

    @Override
    public Gaps analyse(CooperationData data, Query query) {
        if (query.area() != null && !data.areas().containsKey(query.area())) {
            throw new IllegalArgumentException("gaps: unknown service area '" + query.area() + "'");
        }
        if (query.municipality() != null && !data.municipalities().containsKey(query.municipality())) {
            throw new IllegalArgumentException("gaps: unknown municipality code '" + query.municipality() + "'");
        }
        List<BodyInfo> bodies = data.bodies().values().stream().filter(b -> query.forms().contains(b.form())).toList();
        SortedMap<String, SortedSet<String>> coverage = AreaCoverage.byParty(bodies, query.forms());
        SortedSet<String> areas = new TreeSet<>();
        bodies.forEach(b -> areas.addAll(b.areas()));
        if (query.area() != null) {
            areas.retainAll(Set.of(query.area()));
        }
        Map<String, List<String>> neighbourLists = new HashMap<>();
        for (String m : data.municipalities().keySet()) {
            neighbourLists.put(m, data.borders().containsVertex(m) ? Graphs.neighborListOf(data.borders(), m) : List.of());
        }
        Map<String, Candidate> candidates = new HashMap<>(); // by body id
        Known known = new Known(data, query.forms(), coverage);

        // Which gaps there are and their order first; the options only for the gaps answered.
        List<Head> heads = new ArrayList<>();
        for (String area : areas) {
            for (String m : withGap(coverage, known, neighbourLists, area)) {
                if (query.municipality() == null || query.municipality().equals(m)) {
                    heads.add(new Head(m, area, strength(known, new TreeSet<>(neighbourLists.get(m)), area)));
                }
            }
        }
        heads.sort(ANSWER_ORDER);
        List<Head> answered = query.limit() == null ? heads : heads.subList(0, Math.min(query.limit(), heads.size()));
        SortedMap<String, List<String>> answeredByArea = new TreeMap<>();
        answered.forEach(h -> answeredByArea.computeIfAbsent(h.area(), k -> new ArrayList<>()).add(h.code()));

        List<Gap> gaps = new ArrayList<>();
        for (var e : answeredByArea.entrySet()) {
            String area = e.getKey();
            List<BodyInfo> covering = bodies.stream().filter(b -> b.areas().contains(area)).toList();
            SortedSet<String> withGap = withGap(coverage, known, neighbourLists, area);
            // Built once per area rather than once per gap (once per gap was the cost at size M: bench/README.md).
            AreaIndex index = new AreaIndex(data, covering, candidates);
            Map<String, SortedSet<String>> groups = startGroups(data, withGap);
            Map<String, Boolean> illustrativeGap = new HashMap<>();
            for (String m : withGap) {
                illustrativeGap.put(m, known.gapRestsOnIllustrative(m, neighbourLists.get(m), area));
            }
            for (String m : e.getValue()) {
                gaps.add(gap(data, query, known, index, groups.get(m), illustrativeGap, neighbourLists, m, area));
            }
        }
        gaps.sort(Comparator.comparingDouble(Gap::strength).reversed().thenComparing(Gap::code).thenComparing(Gap::area));
        return new Gaps(data.asOf(), query.area(), query.municipality(), query.forms().stream().sorted().toList(),
                query.maxKm(), List.copyOf(gaps), query.limit() == null ? null : heads.size());
    }

    /** The covered municipalities with a gap in the area. */
    private static SortedSet<String> withGap(SortedMap<String, SortedSet<String>> coverage, Known known,
                                             Map<String, List<String>> neighbourLists, String area) {
        SortedSet<String> withGap = new TreeSet<>();
        for (String m : known.covered) {
            if (hasGap(coverage, neighbourLists.get(m), m, area)) {
                withGap.add(m);
            }
        }
        return withGap;
    }

    /** The share of m's neighbours whose coverage of the area is known that cover it. */
    private static double strength(Known known, SortedSet<String> neighbours, String area) {
        int covering = (int) neighbours.stream().filter(n -> AreaCoverage.covers(known.coverage, n, area)).count();
        int knownNeighbours = neighbours.size() - (int) neighbours.stream().filter(n -> !known.knows(n, area)).count();
        return (double) covering / knownNeighbours;
    }

    /** m has a gap in the area: it does not cover it, and a neighbour does (m covered: the caller's business). */
    private static boolean hasGap(SortedMap<String, SortedSet<String>> coverage, List<String> neighbours, String m,
                                  String area) {
        return !AreaCoverage.covers(coverage, m, area)
                && neighbours.stream().anyMatch(n -> AreaCoverage.covers(coverage, n, area));
    }

    /**
     * Which covered municipalities have a gap in the area, by the same test as {@link #analyse} and without its
     * options: for callers that need only which gaps exist (a scenario's gaps closed and opened, issue 19).
     *
     * @param forms null or empty: {@link Form#DEFAULT_ANALYSIS_FORMS}
     */
    public static SortedSet<String> municipalitiesWithGap(CooperationData data, Set<Form> forms, String area) {
        Set<Form> chosen = forms == null || forms.isEmpty() ? Form.DEFAULT_ANALYSIS_FORMS : forms;
        return municipalitiesWithGap(data, chosen, AreaCoverage.byParty(data.bodies().values(), chosen), List.of(area))
                .get(area);
    }

    /**
     * {@link #municipalitiesWithGap(CooperationData, Set, String)} for several areas at once, from one pass of area
     * coverage that the caller already holds: for a scenario's comparison, which asks the gaps of every area its
     * changes touch, on both sides.
     *
     * @param forms    the chosen forms, as given to {@link AreaCoverage#byParty}
     * @param coverage {@code AreaCoverage.byParty(data.bodies().values(), forms)}
     * @return every area asked, with the covered municipalities that have a gap in it (empty when none)
     */
    public static SortedMap<String, SortedSet<String>> municipalitiesWithGap(
            CooperationData data, Set<Form> forms, SortedMap<String, SortedSet<String>> coverage,
            Collection<String> areas) {
        SortedMap<String, SortedSet<String>> withGap = new TreeMap<>();
        areas.forEach(area -> withGap.put(area, new TreeSet<>()));
        for (String m : data.coverage().keySet()) {
            if (!data.municipalities().containsKey(m) || !data.covered(m, forms)) {
                continue;
            }
            List<String> neighbours = data.borders().containsVertex(m) ? Graphs.neighborListOf(data.borders(), m) : List.of();
            withGap.forEach((area, codes) -> {
                if (hasGap(coverage, neighbours, m, area)) {
                    codes.add(m);
                }
            });
        }
        return withGap;
    }

    /**
     * What the data knows for the chosen forms (item 8): who is covered, and, where illustrative rows are
     * loaded, what the real rows alone would say (for the provenance flags).
     */
    private static final class Known {
        final SortedSet<String> covered = new TreeSet<>();
        final Set<String> coveredOnlyByIllustrative = new java.util.HashSet<>();
        final SortedMap<String, SortedSet<String>> coverage;
        /** Areas each party covers through real bodies and real party rows alone; null when nothing is illustrative. */
        final SortedMap<String, SortedSet<String>> realCoverage;

        Known(CooperationData data, Set<Form> forms, SortedMap<String, SortedSet<String>> coverage) {
            this.coverage = coverage;
            for (String code : data.coverage().keySet()) {
                if (data.municipalities().containsKey(code) && data.covered(code, forms)) {
                    covered.add(code);
                    if (data.coveredOnlyByIllustrative(code, forms)) {
                        coveredOnlyByIllustrative.add(code);
                    }
                }
            }
            boolean anyIllustrativeBody = data.bodies().values().stream()
                    .anyMatch(b -> forms.contains(b.form()) && b.restsOnIllustrative());
            realCoverage = anyIllustrativeBody
                    ? AreaCoverage.byParty(data.withoutIllustrative().bodies().values(), forms) : null;
        }

        /** Whether n's coverage of the area is known: covered for the forms, or party to a known body covering it. */
        boolean knows(String n, String area) {
            return covered.contains(n) || AreaCoverage.covers(coverage, n, area);
        }

        boolean coversOnlyByIllustrative(String n, String area) {
            return realCoverage != null && AreaCoverage.covers(coverage, n, area)
                    && !AreaCoverage.covers(realCoverage, n, area);
        }

        boolean gapRestsOnIllustrative(String m, List<String> neighbours, String area) {
            if (coveredOnlyByIllustrative.contains(m)) {
                return true;
            }
            for (String n : neighbours) {
                boolean covers = AreaCoverage.covers(coverage, n, area);
                if (covers ? coversOnlyByIllustrative(n, area) : coveredOnlyByIllustrative.contains(n)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What a covering body offers, independent of the municipality with the gap. */
    private record Candidate(BodyInfo body, List<String> municipalParties, String host, String seat) {}

    /**
     * The bodies covering one area: by municipal party (JOIN candidates are the bodies of m's neighbours) and
     * by municipal host, hosts sorted by latitude so a HOST search reads only the band within maxKm.
     */
    private static final class AreaIndex {
        final Map<String, List<Candidate>> byParty = new HashMap<>();
        /** Host code to the covering bodies it hosts, in covering (body id) order; codes ascending. */
        final SortedMap<String, List<BodyInfo>> hosted = new TreeMap<>();
        final String[] hostsByLat;
        final double[] hostLats;

        AreaIndex(CooperationData data, List<BodyInfo> covering, Map<String, Candidate> cache) {
            for (BodyInfo body : covering) {
                Candidate c = cache.computeIfAbsent(body.id(), id -> candidate(data, body));
                for (String party : c.municipalParties()) {
                    byParty.computeIfAbsent(party, k -> new ArrayList<>()).add(c);
                }
                body.partiesWithRole(PartyRole.HOST)
                        .filter(p -> p.type() == PartyType.MUNICIPALITY && data.municipalities().containsKey(p.partyId()))
                        .forEach(p -> hosted.computeIfAbsent(p.partyId(), k -> new ArrayList<>()).add(body));
            }
            hostsByLat = hosted.keySet().stream()
                    .sorted(Comparator.comparingDouble((String c) -> data.municipalities().get(c).lat()).thenComparing(c -> c))
                    .toArray(String[]::new);
            hostLats = new double[hostsByLat.length];
            for (int i = 0; i < hostsByLat.length; i++) {
                hostLats[i] = data.municipalities().get(hostsByLat[i]).lat();
            }
        }

        private static Candidate candidate(CooperationData data, BodyInfo body) {
            List<String> municipalParties = body.parties().stream()
                    .filter(p -> p.type() == PartyType.MUNICIPALITY && data.municipalities().containsKey(p.partyId()))
                    .map(PartyInfo::partyId).distinct().sorted().toList();
            String host = body.partiesWithRole(PartyRole.HOST).map(PartyInfo::partyId)
                    .filter(data.municipalities()::containsKey).findFirst().orElse(null);
            String seat = body.seatCode() != null && data.municipalities().containsKey(body.seatCode()) ? body.seatCode() : null;
            return new Candidate(body, municipalParties, host, seat);
        }
    }

    /** For every municipality with the gap, its connected group through BORDERS among those with the gap. */
    private static Map<String, SortedSet<String>> startGroups(CooperationData data, SortedSet<String> withGap) {
        Map<String, SortedSet<String>> groups = new HashMap<>();
        for (String m : withGap) {
            if (groups.containsKey(m)) {
                continue;
            }
            SortedSet<String> group = new TreeSet<>(List.of(m));
            Deque<String> queue = new ArrayDeque<>(List.of(m));
            while (!queue.isEmpty()) {
                for (String n : Graphs.neighborListOf(data.borders(), queue.removeFirst())) {
                    if (withGap.contains(n) && group.add(n)) {
                        queue.addLast(n);
                    }
                }
            }
            group.forEach(g -> groups.put(g, group));
        }
        return groups;
    }

    private Gap gap(CooperationData data, Query query, Known known, AreaIndex index, SortedSet<String> group,
                    Map<String, Boolean> illustrativeGap, Map<String, List<String>> neighbourLists, String m,
                    String area) {
        Place place = data.municipalities().get(m);
        AreaInfo info = data.areas().get(area);
        String areaSv = info == null ? area : info.nameSv();
        String areaEn = info == null ? area : info.nameEn();
        SortedSet<String> neighbours = new TreeSet<>(neighbourLists.get(m));
        List<String> coveringNeighbours = neighbours.stream()
                .filter(n -> AreaCoverage.covers(known.coverage, n, area)).toList();
        List<String> unknownNeighbours = neighbours.stream().filter(n -> !known.knows(n, area)).toList();
        int knownNeighbours = neighbours.size() - unknownNeighbours.size();

        return new Gap(m, place.name(), area, areaSv, areaEn, neighbours.size(), knownNeighbours, coveringNeighbours,
                unknownNeighbours, strength(known, neighbours, area),
                joinOptions(data, index, neighbours, place),
                hostOptions(data, query, index, place, areaSv, areaEn),
                startOption(data, known, group, illustrativeGap, neighbourLists, m, area, areaSv, areaEn),
                illustrativeGap.get(m));
    }

    private record JoinCandidate(BodyInfo body, List<String> bordering, DistanceBasis basis, String to, double km) {}

    private List<JoinOption> joinOptions(CooperationData data, AreaIndex index, SortedSet<String> neighbours, Place m) {
        // Only bodies with a party among m's neighbours can have one bordering m.
        Map<String, Candidate> reachable = new HashMap<>();
        for (String n : neighbours) {
            index.byParty.getOrDefault(n, List.of()).forEach(c -> reachable.put(c.body().id(), c));
        }
        List<JoinCandidate> candidates = new ArrayList<>();
        for (Candidate c : reachable.values()) {
            List<String> municipalParties = c.municipalParties();
            List<String> bordering = municipalParties.stream().filter(neighbours::contains).toList();
            if (bordering.isEmpty() || municipalParties.contains(m.code())) {
                continue;
            }
            DistanceBasis basis;
            String to;
            if (c.host() != null) {
                basis = DistanceBasis.HOST;
                to = c.host();
            } else if (c.seat() != null) {
                basis = DistanceBasis.SEAT;
                to = c.seat();
            } else {
                basis = DistanceBasis.NEAREST_PARTY;
                to = municipalParties.stream()
                        .min(Comparator.comparingDouble((String p) -> km(data, m, p)).thenComparing(p -> p))
                        .orElseThrow();
            }
            candidates.add(new JoinCandidate(c.body(), bordering, basis, to, km(data, m, to)));
        }
        // Body ids are unique, so this order is total whatever order the candidates were found in.
        candidates.sort(Comparator.comparingInt((JoinCandidate c) -> c.bordering().size()).reversed()
                .thenComparingDouble(JoinCandidate::km).thenComparing(c -> c.body().id()));
        List<JoinOption> options = new ArrayList<>();
        for (JoinCandidate c : candidates) {
            String names = names(data, c.bordering());
            String toName = NodeLabels.label(data, c.to());
            int k = c.bordering().size();
            String sv = "Anslut till %s (%s): %s (%s). %s %s ligger %s km bort.".formatted(
                    c.body().name(), formSv(c.body().form()),
                    k == 1 ? "1 grannkommun är redan part" : k + " grannkommuner är redan parter", names,
                    switch (c.basis()) {
                        case HOST -> "Värdkommunen";
                        case SEAT -> "Sätet";
                        case NEAREST_PARTY -> "Närmaste part,";
                    }, toName, kmSv(c.km()));
            String en = "Join %s (%s): %s (%s). %s %s is %s km away.".formatted(
                    c.body().name(), formEn(c.body().form()),
                    k == 1 ? "1 neighbouring municipality is already a party" : k + " neighbouring municipalities are already parties",
                    names,
                    switch (c.basis()) {
                        case HOST -> "The host";
                        case SEAT -> "The seat";
                        case NEAREST_PARTY -> "The nearest party,";
                    }, toName, kmEn(c.km()));
            options.add(new JoinOption(options.size() + 1, c.body().id(), c.body().name(), c.body().form(),
                    c.bordering(), c.basis(), c.to(), c.km(), sv, en, c.body().restsOnIllustrative()));
        }
        return List.copyOf(options);
    }

    /**
     * Great-circle distance is at least R·|Δφ|, so hosts whose latitude alone puts them beyond maxKm are skipped
     * unread; the margin keeps any host the haversine formula itself would place within maxKm.
     */
    private static final double LATITUDE_BAND_MARGIN_KM = 1e-3;

    private List<HostOption> hostOptions(CooperationData data, Query query, AreaIndex index, Place m,
                                         String areaSv, String areaEn) {
        record HostCandidate(String code, double km, List<BodyInfo> bodies) {}
        double bandDegrees = Math.toDegrees((query.maxKm() + LATITUDE_BAND_MARGIN_KM) / GreatCircle.EARTH_RADIUS_KM);
        int from = lowerBound(index.hostLats, m.lat() - bandDegrees);
        List<HostCandidate> candidates = new ArrayList<>();
        for (int i = from; i < index.hostLats.length && index.hostLats[i] <= m.lat() + bandDegrees; i++) {
            String code = index.hostsByLat[i];
            if (code.equals(m.code())) {
                continue;
            }
            double km = km(data, m, code);
            if (km <= query.maxKm()) {
                candidates.add(new HostCandidate(code, km, index.hosted.get(code)));
            }
        }
        candidates.sort(Comparator.comparingDouble(HostCandidate::km).thenComparing(HostCandidate::code));
        List<HostOption> options = new ArrayList<>();
        for (HostCandidate c : candidates) {
            String name = NodeLabels.label(data, c.code());
            String bodyNames = c.bodies().stream().map(BodyInfo::name).collect(Collectors.joining(", "));
            String sv = "%s är redan värdkommun för %s inom %s och ligger %s km bort.".formatted(
                    name, bodyNames, areaSv, kmSv(c.km()));
            String en = "%s already hosts %s for %s and is %s km away.".formatted(name, bodyNames, areaEn, kmEn(c.km()));
            options.add(new HostOption(options.size() + 1, c.code(), name, c.km(),
                    c.bodies().stream().map(BodyInfo::id).toList(), sv, en,
                    c.bodies().stream().anyMatch(BodyInfo::restsOnIllustrative)));
        }
        return List.copyOf(options);
    }

    /** The first index whose value is ≥ x in an ascending array. */
    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private StartOption startOption(CooperationData data, Known known, SortedSet<String> group,
                                    Map<String, Boolean> illustrativeGap, Map<String, List<String>> neighbourLists,
                                    String m, String area, String areaSv, String areaEn) {
        if (group.size() < 2) {
            return null;
        }
        SortedSet<String> unknown = new TreeSet<>();
        for (String member : group) {
            for (String n : neighbourLists.get(member)) {
                if (!known.knows(n, area)) {
                    unknown.add(n);
                }
            }
        }
        String others = names(data, group.stream().filter(c -> !c.equals(m)).toList());
        String sv = "Starta en ny samverkan om %s tillsammans med %s, som också saknar området och gränsar till varandra."
                .formatted(areaSv, others);
        String en = "Start a new cooperation on %s together with %s, which lack the area too and border each other."
                .formatted(areaEn, others);
        if (!unknown.isEmpty()) {
            String unknownNames = names(data, List.copyOf(unknown));
            sv += " Om %s vet vi inte (ingen data om deras samverkan): de kan sakna området också.".formatted(unknownNames);
            en += " Of %s we do not know (no data on their cooperation): they may lack the area too.".formatted(unknownNames);
        }
        return new StartOption(1, List.copyOf(group), List.copyOf(unknown), sv, en,
                group.stream().anyMatch(illustrativeGap::get));
    }

    private static double km(CooperationData data, Place from, String to) {
        return GreatCircle.km(from, data.municipalities().get(to));
    }

    private static String names(CooperationData data, List<String> codes) {
        return codes.stream().map(c -> NodeLabels.label(data, c)).collect(Collectors.joining(", "));
    }

    private static String kmSv(double km) {
        return String.format(SV, "%.1f", km);
    }

    private static String kmEn(double km) {
        return String.format(Locale.ROOT, "%.1f", km);
    }

    static String formSv(Form form) {
        return switch (form) {
            case FEDERATION -> "kommunalförbund";
            case JOINT_COMMITTEE -> "gemensam nämnd";
            case AGREEMENT -> "avtalssamverkan";
            case COMPANY -> "gemensamt bolag";
            case ASSOCIATION -> "förening eller stiftelse";
            case NETWORK -> "nätverk";
            case INITIATIVE -> "projekt";
        };
    }

    static String formEn(Form form) {
        return switch (form) {
            case FEDERATION -> "federation";
            case JOINT_COMMITTEE -> "joint committee";
            case AGREEMENT -> "agreement";
            case COMPANY -> "company";
            case ASSOCIATION -> "association or foundation";
            case NETWORK -> "network";
            case INITIATIVE -> "initiative";
        };
    }
}
