package se.samverkansvaven.analysis.web;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.analysis.scenario.Scenarios;

/**
 * Where every analysis endpoint gets its data: the date's, or with {@code scenario=<id>} (the caller's stored
 * scenario) or {@code shared=<token>} (a read link) the same date with the scenario's changes applied in memory
 * ({@link Scenarios#data}). Read from the current request here, once, so every endpoint under
 * {@code /api/analysis/} takes the two parameters without each declaring them; such answers are never kept by the
 * response cache ({@code web.CachedResponseFilter}): a scenario is private and may change without the graph
 * changing. The request is looked up per call (not injected), so the bean also exists where no web server runs
 * (the command line, the benchmark).
 */
@Component
class ScenarioParameters {

    private final Scenarios scenarios;

    ScenarioParameters(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    CooperationData data(LocalDate asOf, boolean illustrative) {
        return scenarios.data(asOf, illustrative, parameter("scenario"), parameter("shared"));
    }

    private static String parameter(String name) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return null;
        }
        String value = servlet.getRequest().getParameter(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
