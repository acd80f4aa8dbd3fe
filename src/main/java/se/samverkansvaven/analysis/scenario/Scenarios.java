package se.samverkansvaven.analysis.scenario;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import se.samverkansvaven.analysis.CentralityAnalysis;
import se.samverkansvaven.analysis.data.AnalysisCache;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.security.CurrentUser;
import se.samverkansvaven.security.UserAccount;
import se.samverkansvaven.web.BadParameterException;
import se.samverkansvaven.web.NotFoundException;
import se.samverkansvaven.web.Today;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluating scenarios: a scenario (sent, stored and owned by the caller, or shared by a read link) on its date
 * becomes the date's data with its changes applied ({@link ScenarioData}), cached in {@link AnalysisCache}'s room for
 * scenarios under the digest of the changes (so it is dropped with the date when the graph changes, never answers
 * for the graph of record and never pushes its entries out), and the comparison of before and after
 * ({@link ScenarioComparison}).
 */
@Service
public class Scenarios {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AnalysisCache cache;
    private final ScenarioStore store;
    private final Today today;
    private final CurrentUser currentUser;
    private final ScenarioComparison comparison;

    Scenarios(AnalysisCache cache, ScenarioStore store, Today today, CurrentUser currentUser,
              @Value("${samverkansvaven.analysis.parallelism:0}") int parallelism) {
        this.cache = cache;
        this.store = store;
        this.today = today;
        this.currentUser = currentUser;
        this.comparison = new ScenarioComparison(new CentralityAnalysis()
                .withParallelism(parallelism > 0 ? parallelism : Runtime.getRuntime().availableProcessors()));
    }

    /**
     * A scenario on its date: the date's data before and after its changes.
     *
     * @param id null for an unsaved scenario
     */
    public record Resolved(String id, String name, LocalDate asOf, List<Change> changes, CooperationData before,
                           CooperationData after) {

        /** The scenario as the comparison names it: id, name and its changes with their labels. */
        public Map<String, Object> describe() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("name", name);
            json.put("changes", changes.stream().map(Change::toJson).toList());
            return json;
        }

        /** The service areas of the bodies the changes touch (of a START: its own), ascending. */
        public SortedSet<String> areasTouched() {
            SortedSet<String> areas = new TreeSet<>();
            for (Change c : changes) {
                if (c.type() == Change.Type.START) {
                    areas.addAll(c.start().areas());
                } else if (after.bodies().containsKey(c.body())) {
                    areas.addAll(after.bodies().get(c.body()).areas());
                } else if (before.bodies().containsKey(c.body())) {
                    areas.addAll(before.bodies().get(c.body()).areas());
                }
            }
            return areas;
        }

        /** The municipalities the changes name (parties, the new bodies' parties, an ended body's parties). */
        public List<String> municipalitiesNamed() {
            SortedSet<String> codes = new TreeSet<>();
            for (Change c : changes) {
                switch (c.type()) {
                    case JOIN, LEAVE, HOST -> codes.add(c.party());
                    case START -> c.start().parties().forEach(p -> codes.add(p.party()));
                    case END -> before.bodies().get(c.body()).parties().forEach(p -> codes.add(p.partyId()));
                }
            }
            codes.removeIf(code -> !before.municipalities().containsKey(code));
            return List.copyOf(codes);
        }
    }

    /** A scenario sent in the request (nothing is stored). */
    public Resolved unsaved(JsonNode scenario, boolean illustrative) {
        ScenarioDraft.Parsed parsed = ScenarioDraft.parse(scenario, today.date());
        if (!parsed.problems().isEmpty()) {
            throw new ScenarioRejected(parsed.problems());
        }
        return resolve(null, parsed.draft(), illustrative);
    }

    /** A stored scenario of the caller; someone else's (or none) is 404, so an id reveals nothing. */
    public Resolved stored(String id, boolean illustrative) {
        return resolve(owned(id), illustrative);
    }

    /** A scenario shared by a read link, for anyone holding it. */
    public Resolved shared(String token, boolean illustrative) {
        return resolve(store.byToken(token).orElseThrow(() -> new NotFoundException(
                "No scenario is shared with this link (it may have been withdrawn).")), illustrative);
    }

    /**
     * The data an analysis endpoint runs on: the date's, or with {@code scenario=}/{@code shared=} the scenario's
     * (on the scenario's date: {@code asOf} may be left out or be that date).
     */
    public CooperationData data(LocalDate asOf, boolean illustrative, String scenario, String shared) {
        if (scenario == null && shared == null) {
            return cache.data(today.orDefault(asOf), illustrative);
        }
        if (scenario != null && shared != null) {
            throw new BadParameterException("shared", "name a scenario by 'scenario' or by 'shared', not both.");
        }
        Resolved resolved = scenario != null ? stored(scenario, illustrative) : shared(shared, illustrative);
        if (asOf != null && !asOf.equals(resolved.asOf())) {
            throw new BadParameterException("asOf", "the scenario is compared on its own date " + resolved.asOf()
                    + "; leave 'asOf' out or give that date (was " + asOf + ").");
        }
        return resolved.after();
    }

    /** The comparison of the contract; see {@link ScenarioComparison}. */
    public ScenarioComparison.Comparison compare(Resolved resolved, List<String> focus, String scopeText,
                                                 SortedSet<String> scope, Set<Form> forms) {
        return cache.result(resolved.after(), List.of("scenario-comparison",
                        resolved.id() == null ? "" : resolved.id(), resolved.name(), focus, scope, forms),
                () -> comparison.compare(resolved.before(), resolved.after(), resolved.describe(),
                        new ScenarioComparison.Query(focus, scopeText, scope, forms, resolved.areasTouched()),
                        cache::forScenario));
    }

    Resolved resolve(ScenarioStore.Stored stored, boolean illustrative) {
        ScenarioDraft.Parsed parsed = ScenarioDraft.parse(readTree(stored.changes(), stored.name(), stored.asOf()),
                today.date());
        if (!parsed.problems().isEmpty()) {
            throw new ScenarioRejected(parsed.problems());
        }
        return resolve(stored.id(), parsed.draft(), illustrative);
    }

    /** The stored JSON of the changes, as a scenario again. */
    static JsonNode readTree(String changes, String name, LocalDate asOf) {
        var node = JSON.createObjectNode();
        node.put("name", name);
        node.put("asOf", asOf.toString());
        node.set("changes", JSON.readTree(changes));
        return node;
    }

    Resolved resolve(String id, ScenarioDraft sent, boolean illustrative) {
        ScenarioDraft draft = id == null ? sent : sent.storedAs(id);
        CooperationData before = cache.data(draft.asOf(), illustrative);
        String digest = draft.digest();
        ScenarioData.Applied applied = cache.forScenario(before, List.of("scenario", digest),
                () -> ScenarioData.apply(before, draft.changes(),
                        new CooperationData.ScenarioTag(null, null, draft.changes().size(), digest)));
        if (!applied.problems().isEmpty()) {
            throw new ScenarioRejected(applied.problems());
        }
        CooperationData after = applied.data().withTag(
                new CooperationData.ScenarioTag(id, draft.name(), draft.changes().size(), digest));
        return new Resolved(id, draft.name(), draft.asOf(), draft.changes(), before, after);
    }

    ScenarioStore.Stored owned(String id) {
        Optional<UserAccount> user = currentUser.get();
        return store.byId(id).filter(s -> user.isPresent() && s.owner().equals(user.get().username()))
                .orElseThrow(() -> new NotFoundException("You have no scenario '" + id + "'."));
    }
}
