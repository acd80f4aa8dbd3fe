package se.samverkansvaven.analysis.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.analysis.scenario.Scenarios;

/**
 * Where every analysis endpoint gets its data: the date's, or with {@code scenario=<id>} (the caller's stored
 * scenario) or {@code shared=<token>} (a read link) the same date with the scenario's changes applied in memory
 * ({@link Scenarios#data}). Read from the request here, once, so every endpoint under {@code /api/analysis/} takes
 * the two parameters without each declaring them; such answers are never kept by the response cache
 * ({@code web.CachedResponseFilter}): a scenario is private and may change without the graph changing.
 */
@Component
class ScenarioParameters {

    private final Scenarios scenarios;
    private final HttpServletRequest request;

    /** @param request the current request (a proxy Spring resolves per request) */
    ScenarioParameters(Scenarios scenarios, HttpServletRequest request) {
        this.scenarios = scenarios;
        this.request = request;
    }

    CooperationData data(LocalDate asOf, boolean illustrative) {
        return scenarios.data(asOf, illustrative, blankToNull(request.getParameter("scenario")),
                blankToNull(request.getParameter("shared")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
