package se.samverkansvaven.analysis.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.samverkansvaven.editing.BodyChanges;
import se.samverkansvaven.editing.BodyState;
import se.samverkansvaven.security.UserAccount;

/**
 * A scenario's changes as the editing API's operations ({@link BodyChanges}): checked with the loader's rules when
 * a scenario is stored, and written as real edits when it is applied.
 */
@Component
class ScenarioEdits {

    private final BodyChanges bodyChanges;

    ScenarioEdits(BodyChanges bodyChanges) {
        this.bodyChanges = bodyChanges;
    }

    /** The source of the rows and bodies a scenario writes: which scenario said so. */
    static String source(String scenarioId) {
        return scenarioId == null ? "scenario" : "scenario " + scenarioId;
    }

    /** The loader's rules on every body's resulting state, without writing; 422 naming the change if one fails. */
    void check(ScenarioDraft draft) {
        List<ScenarioProblem> problems = new ArrayList<>();
        for (BodyChanges.Problem p : bodyChanges.check(steps(null, draft), source(null))) {
            problems.add(new ScenarioProblem(p.number(), "body", p.message()));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioRejected(problems);
        }
    }

    /** Writes the changes; 409 listing the stale ones, 422 the invalid ones, 403 naming one out of scope. */
    List<BodyChanges.Applied> apply(UserAccount user, ScenarioStore.Stored stored, ScenarioDraft draft, String reason) {
        try {
            return bodyChanges.apply(user, steps(stored.id(), draft), stored.versions(), source(stored.id()), reason);
        } catch (BodyChanges.Refused e) {
            boolean stale = e.stale();
            throw new ScenarioRejected(e.problems().stream().filter(p -> !stale || p.stale())
                    .map(p -> new ScenarioProblem(p.number(), "body", p.message())).toList(), stale);
        } catch (BodyChanges.OutOfScope e) {
            throw new ScenarioAccessDenied(e.getMessage());
        }
    }

    /** The editing operations of the scenario (stored under {@code scenarioId}, or null: not stored). */
    static List<BodyChanges.Step> steps(String scenarioId, ScenarioDraft sent) {
        ScenarioDraft draft = scenarioId == null ? sent : sent.storedAs(scenarioId);
        String source = source(scenarioId);
        List<BodyChanges.Step> steps = new ArrayList<>();
        for (Change c : draft.changes()) {
            BodyState started = null;
            if (c.type() == Change.Type.START) {
                String id = c.body();
                String from = c.from().toString();
                started = new BodyState(id, c.start().form().name(), c.start().name(), null, null, null, null, from,
                        null, source, null, c.start().parties().stream().map(p -> new BodyState.Party(p.party(),
                                p.role().name(), from, null, null, source)).toList(), c.start().areas(), List.of(), List.of());
            }
            steps.add(new BodyChanges.Step(c.number(), c.label(), BodyChanges.Kind.valueOf(c.type().name()),
                    c.body(), c.party(), c.role() == null ? null : c.role().name(), c.from(), started));
        }
        return steps;
    }
}
