package se.samverkansvaven.analysis.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.analysis.NetworkGridAnalysis.NetworkGrid;
import se.samverkansvaven.analysis.NetworkGridAnalysis;
import se.samverkansvaven.analysis.OverviewAnalysis.Overview;
import se.samverkansvaven.analysis.OverviewAnalysis;
import se.samverkansvaven.analysis.ScopeCoverage;
import se.samverkansvaven.analysis.data.AnalysisCache;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.FormsParameter;
import se.samverkansvaven.municipality.MunicipalityCodes;
import se.samverkansvaven.web.Today;

/** The map's figures per municipality ({@link OverviewAnalysis}) and the network grid ({@link NetworkGridAnalysis}). */
@RestController
class OverviewController {

    private final AnalysisCache cache;
    private final Today today;
    private final MunicipalityCodes codes;
    private final OverviewAnalysis overview = new OverviewAnalysis();
    private final NetworkGridAnalysis networkGrid = new NetworkGridAnalysis();

    private final ScenarioParameters scenarios;

    OverviewController(AnalysisCache cache, Today today, MunicipalityCodes codes, ScenarioParameters scenarios) {
        this.scenarios = scenarios;
        this.cache = cache;
        this.today = today;
        this.codes = codes;
    }

    @GetMapping("/api/analysis/overview")
    Answer<Overview> overview(@RequestParam(required = false) String area,
                              @RequestParam(required = false) String forms,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                              @RequestParam(defaultValue = "true") boolean illustrative) {
        CooperationData data = scenarios.data(asOf, illustrative);
        AnalysisController.requireArea(data, area);
        Set<Form> chosen = FormsParameter.parse(forms);
        // Every page asks for this (the illustrative notice, scope pickers): kept until the graph changes.
        return cache.result(data, new OverviewKey(data.asOf(), data.variant(), chosen, Optional.ofNullable(area)),
                () -> Answer.of(overview.analyse(data, new OverviewAnalysis.Query(chosen, area)), data,
                        ScopeCoverage.ofAll(data, chosen)));
    }

    private record OverviewKey(LocalDate asOf, List<Object> variant, Set<Form> forms, Optional<String> area) {}

    /**
     * The networks of the grid sector × level and the pairs linked on the date, with what links them; with a
     * scope, the networks of the scope only ({@link NetworkScope}).
     */
    @GetMapping("/api/analysis/network-grid")
    Answer<NetworkGrid> networkGrid(@RequestParam(required = false) String scope,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                    @RequestParam(defaultValue = "true") boolean illustrative) {
        CooperationData data = scenarios.data(asOf, illustrative);
        MunicipalityScope resolved = MunicipalityScope.parse(scope, data, codes);
        return Answer.of(networkGrid.analyse(data, resolved.text(), NetworkScope.of(resolved)), data,
                ScopeCoverage.of(data, NetworkScope.FORMS, resolved.text(), resolved.municipalities()));
    }
}
