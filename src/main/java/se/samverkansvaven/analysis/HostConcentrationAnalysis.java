package se.samverkansvaven.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;

/**
 * Host concentration, domain.md item 3, with what the data knows (item 8).
 *
 * <p>Host roles are the HOST rows of joint committees and agreements active on the date (the chosen forms
 * of other analyses do not matter here: only these two forms have hosts). <b>N is the number of the scope's
 * municipalities covered</b> for {@link #HOST_FORMS} on the date (item 8): only of those is the number of host
 * roles complete. For those N: h_i host roles of i, s_i = h_i/Σh, HHI = Σs_i², HHI* = (HHI − 1/N)/(1 − 1/N), CR1 and CR3 (share of
 * the top 1 and top 3; with fewer than 3 municipalities, all of them), Gini G = Σ_iΣ_j|h_i − h_j|/(2NΣh)
 * over all N. When Σh = 0 the shares and every figure are null.
 *
 * <p><b>N = 1.</b> The formula for HHI* divides by zero. With one municipality the only possible
 * distribution is "it holds every host role", which is full concentration, so HHI* is reported as 1 (the
 * value the formula gives for full concentration at every N &gt; 1); Gini is 0 (no pair differs) and CR1 =
 * CR3 = 1. With Σh = 0 they are null like at every N.
 *
 * <p><b>An uncovered municipality that hosts.</b> Its host roles are known facts (any row says who hosts), but
 * they are a lower bound: other bodies it hosts may be missing. Adding it to N with that lower bound would
 * mix a partial count into figures that compare complete ones, and leaving its roles out silently would
 * hide them. So it is not one of the N, its roles are not in Σh (nor in the shares, HHI*, CR or Gini), and
 * they are reported apart: on its row ({@code covered: false}, share null) and summed in
 * {@code hostRolesNotCovered}. Its dependency is null too: the bodies it participates in are not all known.
 * The coverage of the scope is stated in the answer ({@code n}, {@code scopeSize}, {@code notCoveredCount}).
 *
 * <p><b>Federation seats</b> are counted per municipality beside the host roles and never added to h.
 *
 * <p><b>Dependency</b> of m (reading of the definition): the denominator is the number of bodies (joint
 * committees and agreements, after the filter) where m is a PARTICIPANT and the HOST is a municipality
 * other than m, whether or not that host is in the scope. A body hosted by a REGION is not counted: its
 * host is not a municipality. The numerator is the largest number of those bodies hosted by one single
 * municipality; that host is reported, the lowest code on a tie. No such body: dependency is null.
 *
 * <p><b>Filter.</b> An area keeps the bodies that cover it; a sector keeps the bodies that are in it (one of
 * their areas is, {@link BodyInfo#sectors()}). The filter applies to host roles, seats and dependency alike.
 */
public final class HostConcentrationAnalysis
        implements CooperationAnalysis<HostConcentrationAnalysis.Query, HostConcentrationAnalysis.HostConcentration> {

    /** The forms that have hosts: coverage for these decides N. */
    public static final Set<Form> HOST_FORMS = Set.of(Form.JOINT_COMMITTEE, Form.AGREEMENT);

    /**
     * @param scope  the municipality codes of the scope (N = their number), resolved by the caller
     * @param area   optional service-area filter
     * @param sector optional sector filter (not together with area)
     */
    public record Query(List<String> scope, String area, String sector) {
        public Query {
            if (scope == null || scope.isEmpty()) {
                throw new IllegalArgumentException("host concentration: the scope names no municipality");
            }
            scope = List.copyOf(new TreeSet<>(scope));
            if (area != null && sector != null) {
                throw new IllegalArgumentException("host concentration: filter by an area or a sector, not both");
            }
        }
    }

    /**
     * @param host          the municipality hosting the largest number of the bodies m participates in
     * @param hostedByHost  how many of them it hosts
     * @param participations the denominator: bodies where m is PARTICIPANT and another municipality is HOST
     * @param share         hostedByHost / participations
     * @param illustrative  one of the bodies counted rests on illustrative rows, or m's coverage does
     */
    public record Dependency(String host, String hostName, int hostedByHost, int participations, double share,
                             boolean illustrative) {}

    /**
     * @param covered      covered for {@link #HOST_FORMS} on the date: one of the N
     * @param share        h_i / Σh, null when Σh = 0 or the municipality is not covered
     * @param seats        federations (after the filter) seated in the municipality; not part of h
     * @param dependency   null when m participates in no body hosted by another municipality, or is not covered
     * @param illustrative a host role or seat counted rests on an illustrative body or row, or the municipality's
     *                     coverage (its place among the N) rests on an illustrative coverage row
     */
    public record MunicipalityHosting(String code, String name, boolean covered, int hostRoles, Double share,
                                      int seats, Dependency dependency, boolean illustrative) {}

    /**
     * @param n                      N, the number of the scope's municipalities covered for {@link #HOST_FORMS}
     * @param scopeSize              the number of municipalities in the scope, covered or not
     * @param notCoveredCount        scopeSize − n
     * @param hostRoles              Σh over the N covered municipalities
     * @param hostRolesNotCovered    host roles held by the scope's uncovered municipalities (known, not in Σh)
     * @param hostRolesOutsideScope  host roles (after the filter) held by regions or municipalities outside the scope
     * @param seats                  federation seats in the scope
     * @param illustrative           a row counted in the figures (Σh, N) rests on illustrative rows
     * @param municipalities         every municipality of the scope, covered first, host roles desc, then code
     */
    public record HostConcentration(LocalDate asOf, List<String> scope, int n, int scopeSize, int notCoveredCount,
                                    String area, String sector,
                                    int hostRoles, int hostRolesNotCovered, int hostRolesOutsideScope, int seats,
                                    Double hhi, Double hhiNormalised, Double cr1, Double cr3, Double gini,
                                    boolean illustrative, List<MunicipalityHosting> municipalities) {}

    @Override
    public HostConcentration analyse(CooperationData data, Query query) {
        List<String> unknown = query.scope().stream().filter(c -> !data.municipalities().containsKey(c)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("host concentration: unknown municipality codes " + unknown);
        }
        if (query.area() != null && !data.areas().containsKey(query.area())) {
            throw new IllegalArgumentException("host concentration: unknown service area '" + query.area() + "'");
        }
        if (query.sector() != null && !knownSectors(data).contains(query.sector())) {
            throw new IllegalArgumentException("host concentration: unknown sector '" + query.sector() + "'");
        }

        SortedSet<String> scope = new TreeSet<>(query.scope());
        Map<String, Integer> hosts = new HashMap<>();
        Map<String, Integer> seats = new HashMap<>();
        Set<String> illustrativeRoles = new HashSet<>(); // hosts or seats counted from an illustrative body or row
        Set<String> illustrativeDependency = new HashSet<>();
        Map<String, Integer> participations = new HashMap<>();
        Map<String, TreeMap<String, Integer>> hostedFor = new HashMap<>();
        int outside = 0;
        for (BodyInfo body : data.bodies().values()) {
            if (!passes(body, query)) {
                continue;
            }
            if (body.form() == Form.FEDERATION && body.seatCode() != null) {
                seats.merge(body.seatCode(), 1, Integer::sum);
                if (body.illustrative()) {
                    illustrativeRoles.add(body.seatCode());
                }
            }
            if (!body.form().requiresHost()) {
                continue;
            }
            PartyInfo host = body.partiesWithRole(PartyRole.HOST).findFirst().orElse(null);
            if (host == null) {
                continue;
            }
            if (scope.contains(host.partyId())) {
                hosts.merge(host.partyId(), 1, Integer::sum);
                if (body.illustrative() || host.illustrative()) {
                    illustrativeRoles.add(host.partyId());
                }
            } else {
                outside++;
            }
            if (host.type() != PartyType.MUNICIPALITY) {
                continue; // a region host: not "another municipality", so not in any dependency
            }
            body.partiesWithRole(PartyRole.PARTICIPANT)
                    .filter(p -> p.type() == PartyType.MUNICIPALITY && !p.partyId().equals(host.partyId()))
                    .forEach(p -> {
                        if (body.restsOnIllustrative()) {
                            illustrativeDependency.add(p.partyId());
                        }
                        participations.merge(p.partyId(), 1, Integer::sum);
                        hostedFor.computeIfAbsent(p.partyId(), k -> new TreeMap<>()).merge(host.partyId(), 1, Integer::sum);
                    });
        }

        SortedSet<String> covered = new TreeSet<>();
        for (String code : scope) {
            if (data.covered(code, HOST_FORMS)) {
                covered.add(code);
            }
        }
        int n = covered.size();
        long total = covered.stream().mapToLong(c -> hosts.getOrDefault(c, 0)).sum();
        int notCoveredRoles = scope.stream().filter(c -> !covered.contains(c)).mapToInt(c -> hosts.getOrDefault(c, 0)).sum();
        List<MunicipalityHosting> all = new ArrayList<>();
        for (String code : scope) {
            int h = hosts.getOrDefault(code, 0);
            boolean isCovered = covered.contains(code);
            boolean coverageIllustrative = isCovered && data.coveredOnlyByIllustrative(code, HOST_FORMS);
            Dependency dependency = isCovered ? dependency(data, participations.getOrDefault(code, 0),
                    hostedFor.get(code), coverageIllustrative || illustrativeDependency.contains(code)) : null;
            all.add(new MunicipalityHosting(code, data.municipalities().get(code).name(), isCovered, h,
                    total == 0 || !isCovered ? null : (double) h / total, seats.getOrDefault(code, 0), dependency,
                    coverageIllustrative || illustrativeRoles.contains(code)));
        }
        all.sort(Comparator.comparing((MunicipalityHosting r) -> !r.covered())
                .thenComparing(Comparator.comparingInt(MunicipalityHosting::hostRoles).reversed())
                .thenComparing(MunicipalityHosting::code));
        List<MunicipalityHosting> rows = all.subList(0, n); // the N covered ones, host roles desc
        int seatTotal = scope.stream().mapToInt(c -> seats.getOrDefault(c, 0)).sum();
        boolean figuresIllustrative = rows.stream().anyMatch(MunicipalityHosting::illustrative);

        Double hhi = null, hhiNorm = null, cr1 = null, cr3 = null, gini = null;
        if (total > 0) {
            double sum = 0;
            for (MunicipalityHosting row : rows) {
                sum += row.share() * row.share();
            }
            hhi = sum;
            hhiNorm = n == 1 ? 1.0 : (sum - 1.0 / n) / (1.0 - 1.0 / n);
            cr1 = (double) rows.get(0).hostRoles() / total;
            cr3 = (double) rows.stream().limit(3).mapToInt(MunicipalityHosting::hostRoles).sum() / total;
            // Sum of |h_i - h_j| over all ordered pairs, from the rows sorted by h descending: the i-th largest
            // exceeds the n-1-i after it and falls short of the i before it. Exact, and O(n) instead of the
            // O(n²) double loop (10¹⁰ steps at 100,000 municipalities).
            long absDiff = 0;
            for (int i = 0; i < n; i++) {
                absDiff += 2L * rows.get(i).hostRoles() * (n - 1 - 2L * i);
            }
            gini = (double) absDiff / (2.0 * n * total);
        }
        return new HostConcentration(data.asOf(), query.scope(), n, scope.size(), scope.size() - n, query.area(),
                query.sector(), (int) total, notCoveredRoles, outside, seatTotal, hhi, hhiNorm, cr1, cr3, gini,
                figuresIllustrative, List.copyOf(all));
    }

    private static Dependency dependency(CooperationData data, int participations, TreeMap<String, Integer> byHost,
                                         boolean illustrative) {
        if (participations == 0 || byHost == null) {
            return null;
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : byHost.entrySet()) { // ascending code: the first maximum wins ties
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return new Dependency(best, NodeLabels.label(data, best), bestCount, participations,
                (double) bestCount / participations, illustrative);
    }

    private static boolean passes(BodyInfo body, Query query) {
        if (query.area() != null) {
            return body.areas().contains(query.area());
        }
        if (query.sector() != null) {
            return body.sectors().contains(query.sector());
        }
        return true;
    }

    private static SortedSet<String> knownSectors(CooperationData data) {
        SortedSet<String> sectors = new TreeSet<>();
        data.areas().values().forEach(a -> sectors.add(a.sector()));
        data.bodies().values().forEach(b -> sectors.addAll(b.sectors()));
        return sectors;
    }
}
