package se.samverkansvaven.analysis.scenario;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.security.CurrentUser;
import se.samverkansvaven.security.UserAccount;
import se.samverkansvaven.web.NotFoundException;
import se.samverkansvaven.web.Today;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored scenarios (docs/scenarios.md): private to their owner (another user gets 404, as for an id that does not
 * exist), shared read-only by an unguessable link, replaced and deleted by the owner only. A scenario is checked
 * like an edit before it is stored: an invalid one is refused (422) and nothing is stored.
 */
@RestController
class ScenarioController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Scenarios scenarios;
    private final ScenarioStore store;
    private final CurrentUser currentUser;
    private final GraphRevisions revisions;
    private final Today today;
    private final ScenarioEdits edits;

    ScenarioController(Scenarios scenarios, ScenarioStore store, CurrentUser currentUser, GraphRevisions revisions,
                       Today today, ScenarioEdits edits) {
        this.edits = edits;
        this.scenarios = scenarios;
        this.store = store;
        this.currentUser = currentUser;
        this.revisions = revisions;
        this.today = today;
    }

    /** A stored scenario as the API shows it; {@code owner} and {@code shareToken} only to its owner. */
    record ScenarioView(String id, String name, LocalDate asOf, String owner, boolean shared, String shareToken,
                        ZonedDateTime createdAt, ZonedDateTime updatedAt, long basedOnRevision, List<Map<String, Object>> changes) {}

    record ScenarioSummary(String id, String name, LocalDate asOf, int changes, boolean shared, ZonedDateTime createdAt) {}

    record ShareLink(String shareToken, String url) {}

    @PostMapping("/api/scenarios")
    ResponseEntity<ScenarioView> create(@RequestBody JsonNode body) {
        UserAccount user = user();
        ScenarioDraft draft = checked(body);
        long revision = revisions.current();
        var stored = store.create(user.username(), draft.name(), draft.asOf(), changesJson(body),
                store.bodyVersions(touched(draft)), revision);
        return ResponseEntity.created(URI.create("/api/scenarios/" + stored.id())).body(view(stored, true));
    }

    @GetMapping("/api/scenarios")
    List<ScenarioSummary> mine() {
        return store.byOwner(user().username()).stream().map(s -> new ScenarioSummary(s.id(), s.name(), s.asOf(),
                JSON.readTree(s.changes()).size(), s.shareToken() != null, s.createdAt())).toList();
    }

    @GetMapping("/api/scenarios/{id}")
    ScenarioView one(@PathVariable String id) {
        return view(scenarios.owned(id), true);
    }

    @GetMapping("/api/scenarios/shared/{token}")
    ScenarioView shared(@PathVariable String token) {
        return view(store.byToken(token).orElseThrow(() -> new NotFoundException(
                "No scenario is shared with this link (it may have been withdrawn).")), false);
    }

    @PutMapping("/api/scenarios/{id}")
    ScenarioView replace(@PathVariable String id, @RequestBody JsonNode body) {
        UserAccount user = user();
        scenarios.owned(id);
        ScenarioDraft draft = checked(body);
        long revision = revisions.current();
        return view(store.update(id, user.username(), draft.name(), draft.asOf(), changesJson(body),
                store.bodyVersions(touched(draft)), revision).orElseThrow(() -> gone(id)), true);
    }

    @DeleteMapping("/api/scenarios/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!store.delete(id, user().username())) {
            throw gone(id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/scenarios/{id}/share")
    ShareLink share(@PathVariable String id) {
        String token = store.token();
        store.share(id, user().username(), token).orElseThrow(() -> gone(id));
        return new ShareLink(token, "/scenario.html?shared=" + token);
    }

    @DeleteMapping("/api/scenarios/{id}/share")
    ResponseEntity<Void> unshare(@PathVariable String id) {
        store.share(id, user().username(), null).orElseThrow(() -> gone(id));
        return ResponseEntity.noContent().build();
    }

    /** The scenario parsed and evaluated on its date (every rule checked), or 422 naming each bad change. */
    private ScenarioDraft checked(JsonNode body) {
        ScenarioDraft.Parsed parsed = ScenarioDraft.parse(body, today.date());
        if (!parsed.problems().isEmpty()) {
            throw new ScenarioRejected(parsed.problems());
        }
        scenarios.resolve(null, parsed.draft(), true);
        edits.check(parsed.draft());
        return parsed.draft();
    }

    record ApplyRequest(String reason) {}

    record AppliedChange(int change, String body, long version) {}

    record ApplyAnswer(List<AppliedChange> applied) {}

    /**
     * Turns the owner's scenario into real edits, all or nothing (docs/scenarios.md, "Apply"). The security filter
     * lets only editors and administrators through; the editing scope is checked per change.
     */
    @PostMapping("/api/scenarios/{id}/apply")
    ApplyAnswer apply(@PathVariable String id, @RequestBody(required = false) ApplyRequest request) {
        UserAccount user = user();
        var stored = scenarios.owned(id);
        ScenarioDraft.Parsed parsed = ScenarioDraft.parse(Scenarios.readTree(stored.changes(), stored.name(),
                stored.asOf()), today.date());
        if (!parsed.problems().isEmpty()) {
            throw new ScenarioRejected(parsed.problems());
        }
        String reason = request == null || request.reason() == null || request.reason().isBlank()
                ? "Scenario " + stored.name() : request.reason();
        return new ApplyAnswer(edits.apply(user, stored, parsed.draft(), reason).stream()
                .map(a -> new AppliedChange(a.number(), a.body(), a.version())).toList());
    }

    /** The bodies a scenario changes (not the ones it starts): their versions say later whether it is stale. */
    static TreeSet<String> touched(ScenarioDraft draft) {
        TreeSet<String> ids = new TreeSet<>();
        draft.changes().stream().filter(c -> c.type() != Change.Type.START).forEach(c -> ids.add(c.body()));
        return ids;
    }

    private static String changesJson(JsonNode body) {
        return JSON.writeValueAsString(body.get("changes"));
    }

    private ScenarioView view(ScenarioStore.Stored s, boolean owner) {
        ScenarioDraft.Parsed parsed = ScenarioDraft.parse(Scenarios.readTree(s.changes(), s.name(), s.asOf()), today.date());
        List<Map<String, Object>> changes = parsed.draft() == null ? List.of()
                : parsed.draft().storedAs(s.id()).changes().stream().map(Change::toJson).toList();
        return new ScenarioView(s.id(), s.name(), s.asOf(), owner ? s.owner() : null, s.shareToken() != null,
                owner ? s.shareToken() : null, s.createdAt(), s.updatedAt(), s.basedOnRevision(), changes);
    }

    private static NotFoundException gone(String id) {
        return new NotFoundException("You have no scenario '" + id + "'.");
    }

    private UserAccount user() {
        return currentUser.get().orElseThrow(() -> new ScenarioAccessDenied("Sign in to keep scenarios."));
    }
}
