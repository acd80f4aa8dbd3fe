package se.samverkansvaven.analysis.scenario;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A scenario refused (422), with every problem naming its change; or (409, {@link #stale}) an apply whose changes no
 * longer fit the graph. Nothing was stored or written.
 */
public class ScenarioRejected extends RuntimeException {

    private final List<ScenarioProblem> problems;
    private final boolean stale;

    ScenarioRejected(List<ScenarioProblem> problems) {
        this(problems, false);
    }

    ScenarioRejected(List<ScenarioProblem> problems, boolean stale) {
        super(String.join(" ", problems.stream().map(ScenarioProblem::message).toList()));
        this.problems = List.copyOf(problems);
        this.stale = stale;
    }

    public List<ScenarioProblem> problems() {
        return problems;
    }

    /** The problem body: {@code errors} (422) or {@code stale} (409), each {@code { change, field, message }}. */
    public ProblemDetail toProblem() {
        HttpStatus status = stale ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, (stale
                ? "The graph changed since the scenario was made; nothing was written. " : "The scenario was refused. ")
                + getMessage());
        problem.setTitle(stale ? "Changed meanwhile" : "Invalid scenario");
        problem.setType(java.net.URI.create("about:blank"));
        problem.setProperty(stale ? "stale" : "errors", problems);
        return problem;
    }
}
