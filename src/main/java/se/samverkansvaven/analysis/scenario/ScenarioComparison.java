package se.samverkansvaven.analysis.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import se.samverkansvaven.analysis.ActorProjection;
import se.samverkansvaven.analysis.AreaCoverage;
import se.samverkansvaven.analysis.CentralityAnalysis;
import se.samverkansvaven.analysis.CentralityResult;
import se.samverkansvaven.analysis.GapAnalysis;
import se.samverkansvaven.analysis.HostConcentrationAnalysis;
import se.samverkansvaven.analysis.Provenance;
import se.samverkansvaven.analysis.ScopeCoverage;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.graph.ConnectedComponents;
import se.samverkansvaven.graph.IndexedGraph;

/**
 * Before and after side by side (docs/scenarios.md, "Reading the comparison"): the same analyses the API runs,
 * once on the date's data and once on the scenario's ({@link ScenarioData}), reduced to the deltas a director
 * asks about. Nothing is computed differently from the analyses' own endpoints: host concentration and dependency
 * are {@link HostConcentrationAnalysis}'s, gaps {@link GapAnalysis}'s, broker ranks {@link CentralityAnalysis}'s
 * betweenness ranks on P (induced on the scope), components those of the same graph.
 */
public final class ScenarioComparison {

    /** How many broker rank changes the answer lists. */
    static final int BROKERS = 20;

    private final HostConcentrationAnalysis hosts = new HostConcentrationAnalysis();
    private final CentralityAnalysis centrality;

    /** @param centrality the centrality the API runs (its parallelism) */
    public ScenarioComparison(CentralityAnalysis centrality) {
        this.centrality = centrality;
    }

    /**
     * @param focus       the municipalities whose gains and losses are shown
     * @param scopeText   the scope as asked (or as chosen for the focus)
     * @param scope       the scope's municipality codes: host concentration, broker ranks, components
     * @param forms       the forms of the areas, gaps, P (host concentration always counts joint committees and
     *                    agreements: only they have hosts)
     * @param areasTouched the areas of the bodies the changes touch: only there can a gap close or open (a gap of
     *                    area a depends on who covers a, the coverage rows and the borders, and a scenario changes
     *                    only the parties of its bodies), so the gaps are computed for these areas alone
     */
    public record Query(List<String> focus, String scopeText, SortedSet<String> scope, Set<Form> forms,
                        SortedSet<String> areasTouched) {}

    public record Host(String code, String name, double share) {}

    public record PartyDelta(String code, String name, List<String> areasBefore, List<String> areasAfter,
                             List<String> areasGained, List<String> areasLost, Host largestHostBefore,
                             Host largestHostAfter, Double dependencyBefore, Double dependencyAfter, boolean covered) {}

    public record Concentration(int n, Double hhiStar, Double cr1, Double gini) {}

    public record Hosts(Concentration before, Concentration after) {}

    public record GapRef(String code, String area) {}

    public record Gaps(List<GapRef> closed, List<GapRef> opened) {}

    public record Broker(String code, String name, int rankBefore, int rankAfter, double betweennessBefore,
                         double betweennessAfter) {}

    public record Components(int before, int after, List<List<String>> splitOff) {}

    /**
     * The comparison of the contract (docs/scenarios.md). {@code scenario} holds the scenario's id (null unsaved),
     * name and changes (each with its labels).
     */
    public record Comparison(LocalDate asOf, Map<String, Object> scenario, List<String> focus, String scope,
                             List<Form> forms, List<PartyDelta> parties, Hosts hosts, Gaps gaps, List<Broker> brokers,
                             Components components, boolean restsOnIllustrative, List<String> uncovered,
                             ScopeCoverage coverage) {}

    /**
     * @param cached a value derived from one side's data, cached under that data's variant (graph of record or the
     *               scenario's digest): (data, key) → value
     */
    public Comparison compare(CooperationData before, CooperationData after, Map<String, Object> scenario, Query query,
                              Cache cached) {
        Set<Form> forms = query.forms();
        List<String> focus = query.focus();
        SortedSet<String> shown = union(query.scope(), focus); // the scope and the focus
        // One pass of area coverage per side serves the parties' areas and the gaps of every touched area.
        var areasBefore = cached.get(before, List.of("scenario-areas", forms), () -> AreaCoverage.byParty(before.bodies().values(), forms));
        var areasAfter = cached.get(after, List.of("scenario-areas", forms), () -> AreaCoverage.byParty(after.bodies().values(), forms));
        var hostsBefore = hostConcentration(before, shown, cached);
        var hostsAfter = hostConcentration(after, shown, cached);
        // the scope's figures; when the focus lies in the scope (the default) they are the same analysis
        var scopeBefore = shown.equals(query.scope()) ? hostsBefore : hostConcentration(before, query.scope(), cached);
        var scopeAfter = shown.equals(query.scope()) ? hostsAfter : hostConcentration(after, query.scope(), cached);

        List<PartyDelta> parties = new ArrayList<>();
        for (String code : focus) {
            SortedSet<String> b = areasBefore.getOrDefault(code, new TreeSet<>());
            SortedSet<String> a = areasAfter.getOrDefault(code, new TreeSet<>());
            var rowBefore = row(hostsBefore, code);
            var rowAfter = row(hostsAfter, code);
            parties.add(new PartyDelta(code, before.municipalities().get(code).name(), List.copyOf(b), List.copyOf(a),
                    minus(a, b), minus(b, a), largest(rowBefore), largest(rowAfter),
                    rowBefore.dependency() == null ? null : rowBefore.dependency().share(),
                    rowAfter.dependency() == null ? null : rowAfter.dependency().share(),
                    after.covered(code, forms)));
        }

        Set<GapRef> gapsBefore = cached.get(before, List.of("scenario-gaps", forms, query.areasTouched()),
                () -> gapSet(before, forms, areasBefore, query.areasTouched()));
        Set<GapRef> gapsAfter = cached.get(after, List.of("scenario-gaps", forms, query.areasTouched()),
                () -> gapSet(after, forms, areasAfter, query.areasTouched()));
        List<GapRef> closed = gapsBefore.stream().filter(g -> shown.contains(g.code()) && !gapsAfter.contains(g))
                .sorted(GAP_ORDER).toList();
        List<GapRef> opened = gapsAfter.stream().filter(g -> shown.contains(g.code()) && !gapsBefore.contains(g))
                .sorted(GAP_ORDER).toList();

        // P induced on the scope, built from the bodies for the scope alone (not the whole of P, then induced)
        IndexedGraph graphBefore = cached.get(before, List.of("scenario-p", forms, query.scope()),
                () -> ActorProjection.induced(before, forms, query.scope()));
        IndexedGraph graphAfter = cached.get(after, List.of("scenario-p", forms, query.scope()),
                () -> ActorProjection.induced(after, forms, query.scope()));
        CentralityResult centralityBefore = cached.get(before, List.of("scenario-centrality", forms, query.scope()),
                () -> centrality.analyse(graphBefore));
        CentralityResult centralityAfter = cached.get(after, List.of("scenario-centrality", forms, query.scope()),
                () -> centrality.analyse(graphAfter));

        List<Set<String>> componentsBefore = components(graphBefore);
        List<Set<String>> componentsAfter = components(graphAfter);
        Set<Set<String>> wereComponents = new HashSet<>(componentsBefore);
        List<List<String>> splitOff = componentsAfter.stream()
                .filter(c -> !wereComponents.contains(c)
                        && componentsBefore.stream().anyMatch(b -> b.containsAll(c) && b.size() > c.size()))
                .map(c -> (List<String>) new ArrayList<>(new TreeSet<>(c)))
                .sorted(Comparator.comparing((List<String> c) -> c.getFirst()))
                .toList();

        Set<String> uncoveredCodes = new TreeSet<>();
        for (String code : shown) {
            if (!after.covered(code, forms)) {
                uncoveredCodes.add(code);
            }
        }
        boolean illustrative = Provenance.restsOnIllustrative(before, forms, shown)
                || Provenance.restsOnIllustrative(after, forms, shown)
                || shown.stream().anyMatch(c -> after.coveredOnlyByIllustrative(c, forms));

        return new Comparison(after.asOf(), scenario, focus, query.scopeText(), forms.stream().sorted().toList(),
                parties, new Hosts(concentration(scopeBefore), concentration(scopeAfter)), new Gaps(closed, opened),
                brokers(before, centralityBefore, centralityAfter),
                new Components(componentsBefore.size(), componentsAfter.size(), splitOff), illustrative,
                List.copyOf(uncoveredCodes), ScopeCoverage.of(after, forms, query.scopeText(), shown));
    }

    /** A value derived from one side's data, kept under that side's variant. */
    public interface Cache {
        <T> T get(CooperationData data, Object key, java.util.function.Supplier<T> compute);
    }

    private static final Comparator<GapRef> GAP_ORDER = Comparator.comparing(GapRef::code).thenComparing(GapRef::area);

    /** Host concentration and dependency of these municipalities on one side. */
    private HostConcentrationAnalysis.HostConcentration hostConcentration(CooperationData data, SortedSet<String> codes,
                                                                          Cache cached) {
        return cached.get(data, List.of("scenario-hosts", codes),
                () -> hosts.analyse(data, new HostConcentrationAnalysis.Query(new ArrayList<>(codes), null, null)));
    }

    /** The gaps of the areas: {@link GapAnalysis}'s own test, without the options the comparison does not show. */
    private static Set<GapRef> gapSet(CooperationData data, Set<Form> forms,
                                      SortedMap<String, SortedSet<String>> coverage, SortedSet<String> areas) {
        Set<GapRef> set = new HashSet<>();
        GapAnalysis.municipalitiesWithGap(data, forms, coverage, areas)
                .forEach((area, codes) -> codes.forEach(code -> set.add(new GapRef(code, area))));
        return set;
    }

    private static HostConcentrationAnalysis.MunicipalityHosting row(HostConcentrationAnalysis.HostConcentration result,
                                                                    String code) {
        return result.municipalities().stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
    }

    private static Host largest(HostConcentrationAnalysis.MunicipalityHosting row) {
        var d = row.dependency();
        return d == null ? null : new Host(d.host(), d.hostName(), d.share());
    }

    private static Concentration concentration(HostConcentrationAnalysis.HostConcentration h) {
        return new Concentration(h.n(), h.hhiNormalised(), h.cr1(), h.gini());
    }

    /** The vertices whose betweenness rank changed, most central (before or after) first, at most {@link #BROKERS}. */
    private static List<Broker> brokers(CooperationData data, CentralityResult before, CentralityResult after) {
        Map<String, CentralityResult.VertexCentrality> was = new HashMap<>();
        before.vertices().forEach(v -> was.put(v.id(), v));
        List<Broker> changed = new ArrayList<>();
        for (CentralityResult.VertexCentrality v : after.vertices()) {
            CentralityResult.VertexCentrality b = was.get(v.id());
            if (b != null && b.ranks().betweenness() != v.ranks().betweenness()) {
                changed.add(new Broker(v.id(), name(data, v.id()), b.ranks().betweenness(), v.ranks().betweenness(),
                        b.betweenness(), v.betweenness()));
            }
        }
        changed.sort(Comparator.comparingInt((Broker r) -> Math.min(r.rankBefore(), r.rankAfter()))
                .thenComparing(Broker::code));
        return changed.size() > BROKERS ? List.copyOf(changed.subList(0, BROKERS)) : List.copyOf(changed);
    }

    private static String name(CooperationData data, String id) {
        var m = data.municipalities().get(id);
        if (m != null) {
            return m.name();
        }
        var a = data.actors().get(id);
        return a == null ? id : a.name();
    }

    private static List<Set<String>> components(IndexedGraph graph) {
        int[] component = new ConnectedComponents().compute(graph);
        SortedMap<Integer, Set<String>> byNumber = new TreeMap<>();
        for (int v = 0; v < component.length; v++) {
            byNumber.computeIfAbsent(component[v], k -> new HashSet<>()).add(graph.id(v));
        }
        return List.copyOf(byNumber.values());
    }

    private static List<String> minus(SortedSet<String> a, SortedSet<String> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }

    private static SortedSet<String> union(Collection<String> a, Collection<String> b) {
        SortedSet<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

}
