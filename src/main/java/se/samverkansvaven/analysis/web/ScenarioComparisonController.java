package se.samverkansvaven.analysis.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.analysis.scenario.ScenarioComparison;
import se.samverkansvaven.analysis.scenario.Scenarios;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.municipality.MunicipalityCodes;
import se.samverkansvaven.web.BadParameterException;
import se.samverkansvaven.web.NotFoundException;
import tools.jackson.databind.JsonNode;

/**
 * The comparison of a scenario with the date as it is (docs/scenarios.md): for an unsaved scenario sent in the
 * request (anyone, nothing stored), a stored one of the caller, or one shared by a read link. The focus, scope and
 * forms are parsed as every analysis parses them.
 */
@RestController
class ScenarioComparisonController {

    private final Scenarios scenarios;
    private final MunicipalityCodes codes;

    ScenarioComparisonController(Scenarios scenarios, MunicipalityCodes codes) {
        this.scenarios = scenarios;
        this.codes = codes;
    }

    /** The body of {@code POST /api/scenarios/compare}: one of scenario, id or shared. */
    record CompareRequest(JsonNode scenario, String id, String shared, List<String> focus, String scope, String forms,
                          Boolean illustrative) {}

    @PostMapping("/api/scenarios/compare")
    ScenarioComparison.Comparison compare(@RequestBody CompareRequest request) {
        boolean illustrative = request.illustrative() == null || request.illustrative();
        int named = (request.scenario() == null || request.scenario().isNull() ? 0 : 1)
                + (request.id() == null ? 0 : 1) + (request.shared() == null ? 0 : 1);
        if (named != 1) {
            throw new BadParameterException("scenario", "send exactly one of 'scenario' (the changes), 'id' (a stored "
                    + "scenario of yours) or 'shared' (a read link's token).");
        }
        Scenarios.Resolved resolved = request.scenario() != null && !request.scenario().isNull()
                ? scenarios.unsaved(request.scenario(), illustrative)
                : request.id() != null ? scenarios.stored(request.id(), illustrative)
                : scenarios.shared(request.shared(), illustrative);
        return compare(resolved, request.focus(), request.scope(), request.forms());
    }

    @GetMapping("/api/scenarios/{id}/comparison")
    ScenarioComparison.Comparison stored(@PathVariable String id, @RequestParam(required = false) String focus,
                                         @RequestParam(required = false) String scope,
                                         @RequestParam(required = false) String forms,
                                         @RequestParam(defaultValue = "true") boolean illustrative) {
        return compare(scenarios.stored(id, illustrative), list(focus), scope, forms);
    }

    @GetMapping("/api/scenarios/shared/{token}/comparison")
    ScenarioComparison.Comparison shared(@PathVariable String token, @RequestParam(required = false) String focus,
                                         @RequestParam(required = false) String scope,
                                         @RequestParam(required = false) String forms,
                                         @RequestParam(defaultValue = "true") boolean illustrative) {
        return compare(scenarios.shared(token, illustrative), list(focus), scope, forms);
    }

    private ScenarioComparison.Comparison compare(Scenarios.Resolved resolved, List<String> focusAsked, String scope,
                                                  String forms) {
        CooperationData data = resolved.before();
        List<String> focus = focusAsked == null || focusAsked.isEmpty() ? resolved.municipalitiesNamed()
                : new ArrayList<>(new TreeSet<>(focusAsked));
        for (String code : focus) {
            if (!codes.matches(code)) {
                throw new BadParameterException("focus", "'" + code + "' is not a municipality code; " + codes.describe() + ".");
            }
            if (!data.municipalities().containsKey(code)) {
                throw new NotFoundException("No municipality has code " + code + ".");
            }
        }
        MunicipalityScope resolvedScope = scope == null || scope.isBlank() ? countiesOf(focus, data)
                : MunicipalityScope.parse(scope, data, codes);
        Set<Form> chosen = FormsParameter.parse(forms);
        return scenarios.compare(resolved, focus, resolvedScope.text(), resolvedScope.municipalities(), chosen);
    }

    /** Without a scope: the counties of the focus, where a director compares her municipality with its neighbours. */
    private MunicipalityScope countiesOf(List<String> focus, CooperationData data) {
        SortedSet<String> counties = new TreeSet<>();
        focus.forEach(code -> counties.add(data.municipalities().get(code).countyCode()));
        if (counties.size() == 1) {
            return MunicipalityScope.parse("county:" + counties.first(), data, codes);
        }
        SortedSet<String> members = new TreeSet<>();
        data.municipalities().values().stream().filter(p -> counties.contains(p.countyCode()))
                .forEach(p -> members.add(p.code()));
        return new MunicipalityScope(members.isEmpty() ? "all" : "codes:" + String.join(",", members),
                members.isEmpty(), members.isEmpty() ? new TreeSet<>(data.municipalities().keySet()) : members);
    }

    private static List<String> list(String text) {
        return text == null || text.isBlank() ? null
                : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
