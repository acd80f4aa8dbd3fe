package se.samverkansvaven.analysis.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Supplier;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.analysis.ActorProjection;
import se.samverkansvaven.analysis.CentralityAnalysis;
import se.samverkansvaven.analysis.CentralityResult;
import se.samverkansvaven.analysis.CommunityAnalysis;
import se.samverkansvaven.analysis.CommunityResult;
import se.samverkansvaven.analysis.DiagonalLinkAnalysis.PairClass;
import se.samverkansvaven.analysis.DiagonalLinkAnalysis;
import se.samverkansvaven.analysis.EgoWebAnalysis;
import se.samverkansvaven.analysis.ExitImpactAnalysis;
import se.samverkansvaven.analysis.FederationWebAnalysis;
import se.samverkansvaven.analysis.GapAnalysis;
import se.samverkansvaven.analysis.HostConcentrationAnalysis;
import se.samverkansvaven.analysis.Provenance;
import se.samverkansvaven.analysis.ScopeCoverage;
import se.samverkansvaven.analysis.data.AnalysisCache;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.FormsParameter;
import se.samverkansvaven.graph.IndexedGraph;
import se.samverkansvaven.municipality.MunicipalityCodes;
import se.samverkansvaven.web.BadParameterException;
import se.samverkansvaven.web.NotFoundException;
import se.samverkansvaven.web.Today;

/**
 * The analyses of domain.md over HTTP. Each call takes the cached input of its date, checks the parameters
 * against it (unknown things are 404, malformed ones 400 naming the parameter) and runs one analysis.
 */
@RestController
@RequestMapping("/api/analysis")
class AnalysisController {

    private final AnalysisCache cache;
    private final Today today;
    private final EgoWebAnalysis egoWeb = new EgoWebAnalysis();
    private final FederationWebAnalysis federationWeb = new FederationWebAnalysis();
    private final HostConcentrationAnalysis hosts = new HostConcentrationAnalysis();
    private final DiagonalLinkAnalysis diagonalLinks;
    private final GapAnalysis gaps = new GapAnalysis();
    private final ExitImpactAnalysis exitImpact;
    private final CentralityAnalysis centrality;
    private final int parallelism;
    private final CommunityAnalysis communities = new CommunityAnalysis();

    private final MunicipalityCodes codes;
    private final ScenarioParameters scenarios;

    /**
     * @param parallelism threads of the all-sources traversals (betweenness, closeness), of the diagonal links' pair
     *                    scan and of the projection's build; 0: the cores the JVM sees
     */
    AnalysisController(AnalysisCache cache, Today today, MunicipalityCodes codes, ScenarioParameters scenarios,
                       @Value("${samverkansvaven.analysis.parallelism:0}") int parallelism) {
        this.scenarios = scenarios;
        this.parallelism = parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors();
        this.exitImpact = new ExitImpactAnalysis().withParallelism(this.parallelism);
        this.centrality = new CentralityAnalysis().withParallelism(this.parallelism);
        this.diagonalLinks = new DiagonalLinkAnalysis().withParallelism(this.parallelism);
        this.cache = cache;
        this.today = today;
        this.codes = codes;
    }

    @GetMapping("/web/{code}")
    Answer<EgoWebAnalysis.EgoWeb> web(@PathVariable String code,
                              @RequestParam(defaultValue = "1") int depth,
                              @RequestParam(required = false) String forms,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "true") boolean illustrative) {
        if (depth != 1 && depth != 2) {
            throw new BadParameterException("depth", "must be 1 or 2, was " + depth + ".");
        }
        CooperationData data = data(asOf, illustrative);
        requireMunicipality(data, "code", code);
        Set<Form> chosen = FormsParameter.parse(forms);
        var query = new EgoWebAnalysis.Query(code, depth, chosen);
        return Answer.of(run("code", () -> egoWeb.analyse(data, projection(data, query.forms()), query)), data,
                ScopeCoverage.ofMunicipality(data, query.forms(), code));
    }

    /**
     * A federation's web on the date (its parties, the bodies it convenes and their parties), for the
     * timeline; 404 when no federation with that id is active on the date.
     */
    @GetMapping("/federation-web/{id}")
    Answer<FederationWebAnalysis.FederationWeb> federationWeb(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "true") boolean illustrative) {
        CooperationData data = data(asOf, illustrative);
        if (!data.bodies().containsKey(id)) {
            throw new NotFoundException("No federation '" + id + "' is active on " + data.asOf() + ".");
        }
        FederationWebAnalysis.FederationWeb web = run("id", () -> federationWeb.analyse(data, id));
        // the forms shown: the federation, and what it convenes
        Set<Form> shown = EnumSet.of(Form.FEDERATION);
        web.convened().forEach(b -> shown.add(data.bodies().get(b).form()));
        MunicipalityScope members = MunicipalityScope.parse("federation:" + id, data, codes);
        return Answer.of(web, data, ScopeCoverage.of(data, shown, members.text(), members.municipalities()));
    }

    /** Centrality on P, or on the part of P among the scope's municipalities (the induced subgraph). */
    @GetMapping("/centrality")
    Answer<CentralityResponse> centrality(@RequestParam(required = false) String scope,
                                  @RequestParam(required = false) String forms,
                                  @RequestParam(required = false) Integer pivots,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "true") boolean illustrative) {
        requirePivots(pivots);
        CooperationData data = data(asOf, illustrative);
        MunicipalityScope resolved = MunicipalityScope.parse(scope, data, codes);
        Set<Form> chosen = FormsParameter.parse(forms);
        ActorProjection projection = projection(data, chosen);
        CentralityAnalysis analysis = pivots == null ? centrality : new CentralityAnalysis(pivots).withParallelism(parallelism);
        CentralityResult result = cache.result(data, List.of("centrality", data.asOf(), data.variant(), chosen,
                        resolved.municipalities(), resolved.all(), pivots == null ? 0 : pivots),
                () -> analysis.analyse(resolved.all() ? projection.actors() : projection.induced(resolved.municipalities())));
        Set<String> invented = illustrativeActors(data, chosen);
        return Answer.of(new CentralityResponse(data.asOf(), resolved.text(), chosen, pivots, result.vertexCount(),
                result.edgeCount(), result.vertices().stream().map(v -> new CentralityRow(v, invented.contains(v.id()))).toList(),
                result.articulationPoints(), result.bridges(), withoutCooperation(resolved, projection),
                Provenance.restsOnIllustrative(data, chosen, resolved.all() ? null : resolved.municipalities())),
                data, ScopeCoverage.of(data, chosen, resolved.text(), resolved.municipalities()));
    }

    @GetMapping("/communities")
    Answer<CommunityResponse> communities(@RequestParam(required = false) String scope,
                                  @RequestParam(required = false) String forms,
                                  @RequestParam(defaultValue = "1") long seed,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "true") boolean illustrative) {
        CooperationData data = data(asOf, illustrative);
        MunicipalityScope resolved = MunicipalityScope.parse(scope, data, codes);
        Set<Form> chosen = FormsParameter.parse(forms);
        ActorProjection projection = projection(data, chosen);
        IndexedGraph graph = resolved.all() ? projection.actors() : projection.induced(resolved.municipalities());
        CommunityResult result = cache.result(data, List.of("communities", data.asOf(), data.variant(), chosen,
                        resolved.municipalities(), resolved.all(), seed),
                () -> communities.analyse(graph, seed));
        Set<String> invented = illustrativeActors(data, chosen);
        List<String> illustrativeMembers = new java.util.TreeSet<>(invented).stream().filter(graph::containsVertex).toList();
        return Answer.of(new CommunityResponse(data.asOf(), resolved.text(), chosen, graph.vertexCount(),
                result.components(), result.communities(), result.modularity(), result.seed(), result.cliques(),
                withoutCooperation(resolved, projection), illustrativeMembers,
                Provenance.restsOnIllustrative(data, chosen, resolved.all() ? null : resolved.municipalities())),
                data, ScopeCoverage.of(data, chosen, resolved.text(), resolved.municipalities()));
    }

    /** The actors party to a body of the forms resting on illustrative rows, once per date, filter and forms. */
    private Set<String> illustrativeActors(CooperationData data, Set<Form> forms) {
        return cache.ofDate(data, List.of("illustrativeActors", Set.copyOf(forms)),
                () -> Provenance.illustrativeActors(data, forms));
    }

    /**
     * A centrality row: the measures, and {@code illustrative} when the actor is party to a body of B that rests
     * on illustrative rows ({@link Provenance}).
     */
    record CentralityRow(@JsonUnwrapped CentralityResult.VertexCentrality centrality, boolean illustrative) {}

    /** Municipalities of the scope with no body of the chosen forms on the date: not nodes of P. */
    private static List<String> withoutCooperation(MunicipalityScope scope, ActorProjection projection) {
        return scope.municipalities().stream().filter(code -> !projection.actors().containsVertex(code)).toList();
    }

    /**
     * {@code pivots}: null when exact, else the number of sampled sources (seed 1) from which both betweenness
     * measures and harmonic closeness (and their ranks) are estimated; every other measure is exact.
     * {@code restsOnIllustrative}: a body resting on illustrative rows has a party in the scope ({@link Provenance}).
     */
    record CentralityResponse(LocalDate asOf, String scope, Set<Form> forms, Integer pivots, int vertexCount, int edgeCount,
                              List<CentralityRow> vertices,
                              List<String> articulationPoints, List<CentralityResult.Bridge> bridges,
                              List<String> withoutCooperation, boolean restsOnIllustrative) {}

    /**
     * {@code illustrativeMembers}: the actors of the graph (members of the components, communities and cliques)
     * that are party to a body resting on illustrative rows, ascending.
     */
    record CommunityResponse(LocalDate asOf, String scope, Set<Form> forms, int vertexCount,
                             List<SortedSet<String>> components,
                             List<SortedSet<String>> communities, Double modularity, long seed,
                             List<SortedSet<String>> cliques, List<String> withoutCooperation,
                             List<String> illustrativeMembers, boolean restsOnIllustrative) {}

    @GetMapping("/hosts")
    Answer<HostConcentrationAnalysis.HostConcentration> hosts(
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) String sector,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "true") boolean illustrative) {
        CooperationData data = data(asOf, illustrative);
        MunicipalityScope resolved = MunicipalityScope.parse(scope, data, codes);
        requireArea(data, area);
        requireSector(data, sector);
        if (area != null && sector != null) {
            throw new BadParameterException("sector", "filter by an area or a sector, not both.");
        }
        if (resolved.municipalities().isEmpty()) {
            throw new BadParameterException("scope", "'" + resolved.text() + "' has no municipalities on " + data.asOf() + ".");
        }
        return Answer.of(run("scope", () -> hosts.analyse(data, new HostConcentrationAnalysis.Query(
                new ArrayList<>(resolved.municipalities()), area, sector))), data,
                ScopeCoverage.of(data, HostConcentrationAnalysis.HOST_FORMS, resolved.text(), resolved.municipalities()));
    }

    /**
     * The suggested network links; with a scope, among the networks of the scope only ({@link NetworkScope}); with
     * {@code limit}, the first that many pairs and how many there are ({@code pairsTotal}).
     */
    @GetMapping("/diagonal-links")
    Answer<DiagonalLinkAnalysis.DiagonalLinks> diagonalLinks(
            @RequestParam(required = false) String classes,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "true") boolean illustrative) {
        requireLimit(limit);
        CooperationData data = data(asOf, illustrative);
        MunicipalityScope resolved = MunicipalityScope.parse(scope, data, codes);
        return Answer.of(run("classes", () -> diagonalLinks.analyse(data,
                new DiagonalLinkAnalysis.Query(pairClasses(classes), NetworkScope.of(resolved), limit))), data,
                ScopeCoverage.of(data, NetworkScope.FORMS, resolved.text(), resolved.municipalities()));
    }

    @GetMapping("/gaps")
    Answer<GapAnalysis.Gaps> gaps(@RequestParam(required = false) String area,
                          @RequestParam(required = false) String municipality,
                          @RequestParam(required = false) Double maxKm,
                          @RequestParam(required = false) String forms,
                          @RequestParam(required = false) Integer limit,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "true") boolean illustrative) {
        requireLimit(limit);
        CooperationData data = data(asOf, illustrative);
        requireArea(data, area);
        if (municipality != null) {
            requireMunicipality(data, "municipality", municipality);
        }
        if (maxKm != null && !(Double.isFinite(maxKm) && maxKm >= 0)) {
            throw new BadParameterException("maxKm", "must be a non-negative number of kilometres, was " + maxKm + ".");
        }
        Set<Form> chosen = FormsParameter.parse(forms);
        GapAnalysis.Gaps answer = run("area", () -> gaps.analyse(data, new GapAnalysis.Query(area, municipality, chosen, maxKm, limit)));
        Set<Form> asked = EnumSet.copyOf(answer.forms());
        return Answer.of(answer, data, municipality == null ? ScopeCoverage.ofAll(data, asked)
                : ScopeCoverage.ofMunicipality(data, asked, municipality));
    }

    @GetMapping("/exit")
    Answer<ExitImpactAnalysis.ExitImpact> exit(@RequestParam String municipality,
                                       @RequestParam(required = false) String body,
                                       @RequestParam(required = false) String area,
                                       @RequestParam(required = false) String forms,
                                       @RequestParam(required = false) Integer pivots,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "true") boolean illustrative) {
        requirePivots(pivots);
        CooperationData data = data(asOf, illustrative);
        requireMunicipality(data, "municipality", municipality);
        if (body != null && area != null) {
            throw new BadParameterException("body", "name a body or an area to leave, not both (neither means all bodies).");
        }
        requireArea(data, area);
        if (body != null && !data.bodies().containsKey(body)) {
            throw new NotFoundException("No body '" + body + "' is active on " + data.asOf() + ".");
        }
        Set<Form> chosen = FormsParameter.parse(forms);
        ExitImpactAnalysis.Leaving scope = body != null ? ExitImpactAnalysis.Leaving.BODY
                : area != null ? ExitImpactAnalysis.Leaving.AREA : ExitImpactAnalysis.Leaving.ALL;
        String target = body != null ? body : area;
        ExitImpactAnalysis.ExitImpact answer = run(body != null ? "body" : "area", () -> exitImpact.analyse(data,
                projection(data, chosen), new ExitImpactAnalysis.Query(municipality, scope, target, chosen, pivots)));
        // the exit changes P as a whole (components, every betweenness rank): the scope is all
        return Answer.of(answer, data, ScopeCoverage.ofAll(data, EnumSet.copyOf(answer.forms())));
    }

    /** The date's data, or with {@code scenario=}/{@code shared=} the scenario's ({@link ScenarioParameters}). */
    CooperationData data(LocalDate asOf, boolean illustrative) {
        return scenarios.data(asOf, illustrative);
    }

    /** P of the date for the chosen forms, built once per date, filter and forms and kept with the date's data. */
    private ActorProjection projection(CooperationData data, Set<Form> forms) {
        return projection(cache, data, forms, parallelism);
    }

    /** The one place that keys P in the cache: the endpoints and {@link TodayPreparation} share the entry. */
    static ActorProjection projection(AnalysisCache cache, CooperationData data, Set<Form> forms, int parallelism) {
        return cache.ofDate(data, Set.copyOf(forms), () -> ActorProjection.of(data, forms, parallelism));
    }

    void requireMunicipality(CooperationData data, String parameter, String code) {
        if (!codes.matches(code)) {
            throw new BadParameterException(parameter, "'" + code + "' is not a municipality code; " + codes.describe() + ".");
        }
        if (!data.municipalities().containsKey(code)) {
            throw new NotFoundException("No municipality has code " + code + ".");
        }
    }

    /**
     * Betweenness by pivot sampling, for graphs too large for exact betweenness (docs/scaling.md): at least 1
     * source; more sources than vertices is the exact computation.
     */
    static void requirePivots(Integer pivots) {
        if (pivots != null && pivots < 1) {
            throw new BadParameterException("pivots", "must be at least 1 (or left out for exact betweenness), was " + pivots + ".");
        }
    }

    /** A bound on the rows of a long list: at least 1, or left out for every row. */
    static void requireLimit(Integer limit) {
        if (limit != null && limit < 1) {
            throw new BadParameterException("limit", "must be at least 1 (or left out for every row), was " + limit + ".");
        }
    }

    static void requireArea(CooperationData data, String area) {
        if (area != null && !data.areas().containsKey(area)) {
            throw new BadParameterException("area", "'" + area + "' is not a service area; accepted: "
                    + String.join(", ", data.areas().keySet()) + ".");
        }
    }

    static void requireSector(CooperationData data, String sector) {
        if (sector != null && data.areas().values().stream().noneMatch(a -> a.sector().equals(sector))) {
            throw new BadParameterException("sector", "'" + sector + "' is not a sector; accepted: "
                    + String.join(", ", data.areas().values().stream().map(CooperationData.AreaInfo::sector)
                    .distinct().sorted().toList()) + ".");
        }
    }

    static Set<PairClass> pairClasses(String text) {
        if (text == null || text.isBlank()) {
            return EnumSet.of(PairClass.DIAGONAL);
        }
        EnumSet<PairClass> classes = EnumSet.noneOf(PairClass.class);
        for (String part : text.split(",")) {
            try {
                classes.add(PairClass.valueOf(part.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("classes", "'" + part.strip()
                        + "' is not a pair class; accepted: DIAGONAL, HORIZONTAL, VERTICAL, SAME_CELL.");
            }
        }
        return classes;
    }

    /** An analysis that still refuses its query (e.g. a body the municipality is not in) is a bad request. */
    static <T> T run(String parameter, Supplier<T> analysis) {
        try {
            return analysis.get();
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(parameter, e.getMessage());
        }
    }
}
