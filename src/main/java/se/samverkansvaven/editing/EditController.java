package se.samverkansvaven.editing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.security.CurrentUser;
import se.samverkansvaven.security.UserAccount;

/**
 * The editing API (docs/security.md, "Editing"). Every change sends the body's {@code version} and may send
 * a {@code reason} for the audit trail; the answer is the body's new state with its new version.
 */
@RestController
@EditingApi
class EditController {

    /** PUT /api/bodies/{id} and POST /api/bodies. */
    record BodyEdit(Long version, String reason, BodyState body) {}

    /** Join: a new party row. */
    record Join(Long version, String reason, String party, String role, String validFrom, String validTo,
            String representative, String source) {}

    /** Leave: the row (party, role, validFrom) gets validTo. */
    record Leave(Long version, String reason, String party, String role, String validFrom, String validTo) {}

    /**
     * Change role: the row (party, role, validFrom) ends on {@code date} and a row with newRole starts then.
     * Either one change in the fields, or several in {@code changes}, applied together and validated as one
     * (a host handover: the old HOST becomes PARTICIPANT and a PARTICIPANT becomes HOST on the same day).
     */
    record ChangeRole(Long version, String reason, String party, String role, String validFrom, String newRole,
            String date, List<RoleChange> changes) {}

    /** One party's role change inside {@link ChangeRole#changes()}. */
    record RoleChange(String party, String role, String validFrom, String newRole, String date) {}

    private final EditService service;
    private final CurrentUser currentUser;

    EditController(EditService service, CurrentUser currentUser) {
        this.service = service;
        this.currentUser = currentUser;
    }

    /** {@code illustrative=false}: as if the illustrative rows were not loaded ({@link EditService#readReal}). */
    @GetMapping("/api/bodies/{id}/state")
    BodyState state(@PathVariable String id, @RequestParam(defaultValue = "true") boolean illustrative) {
        return illustrative ? service.read(id) : service.readReal(id);
    }

    /** @param mayEdit whether the logged-in user may change the body (EDITOR in scope, or ADMIN) */
    record Access(boolean authenticated, String user, boolean mayEdit, boolean mayCreate) {}

    /**
     * What the logged-in user may do with the body, so the page shows the editing form or a read-only view
     * with a login link. The editing calls still check for themselves.
     */
    @GetMapping("/api/bodies/{id}/access")
    Access access(@PathVariable String id) {
        var user = currentUser.get();
        return new Access(user.isPresent(), user.map(UserAccount::username).orElse(null), service.mayEdit(user, id),
                user.map(u -> u.isAdmin() || u.roles().contains(se.samverkansvaven.security.Role.EDITOR)).orElse(false));
    }

    @PostMapping(path = "/api/bodies", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BodyState> create(@RequestBody BodyEdit edit) {
        if (edit.body() == null) {
            throw new EditExceptions.Unprocessable("Send the new body in the field 'body'.");
        }
        BodyState created = service.create(user(), edit.body(), edit.reason());
        return ResponseEntity.created(URI.create("/api/bodies/" + created.id())).body(created);
    }

    @PutMapping(path = "/api/bodies/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    BodyState update(@PathVariable String id, @RequestBody BodyEdit edit) {
        if (edit.body() == null) {
            throw new EditExceptions.Unprocessable("Send the body's whole new state in the field 'body'.");
        }
        return service.update(user(), id, edit.version(), edit.reason(), current -> edit.body());
    }

    @PostMapping(path = "/api/bodies/{id}/parties", consumes = MediaType.APPLICATION_JSON_VALUE)
    BodyState join(@PathVariable String id, @RequestBody Join join) {
        return service.update(user(), id, join.version(), join.reason(), current -> current.withParties(
                current.partiesPlus(new BodyState.Party(join.party(), join.role(), join.validFrom(), join.validTo(),
                        join.representative(), join.source()))));
    }

    @PostMapping(path = "/api/bodies/{id}/parties/leave", consumes = MediaType.APPLICATION_JSON_VALUE)
    BodyState leave(@PathVariable String id, @RequestBody Leave leave) {
        if (leave.validTo() == null || leave.validTo().isBlank()) {
            throw new EditExceptions.Unprocessable("Give 'validTo', the first day the party is no longer in the body.");
        }
        return service.update(user(), id, leave.version(), leave.reason(), current -> current.withParties(
                replaceRow(current, leave.party(), leave.role(), leave.validFrom(), row -> List.of(
                        new BodyState.Party(row.party(), row.role(), row.validFrom(), leave.validTo(),
                                row.representative(), row.source())))));
    }

    @PostMapping(path = "/api/bodies/{id}/parties/role", consumes = MediaType.APPLICATION_JSON_VALUE)
    BodyState changeRole(@PathVariable String id, @RequestBody ChangeRole change) {
        List<RoleChange> changes = roleChanges(change);
        return service.update(user(), id, change.version(), change.reason(), current -> {
            BodyState state = current;
            for (RoleChange c : changes) {
                state = state.withParties(replaceRow(state, c.party(), c.role(), c.validFrom(), row -> List.of(
                        new BodyState.Party(row.party(), row.role(), row.validFrom(), c.date(),
                                row.representative(), row.source()),
                        new BodyState.Party(row.party(), c.newRole(), c.date(), row.validTo(),
                                row.representative(), row.source()))));
            }
            return state;
        });
    }

    /** The changes of a role request: the list, or the single change in the top-level fields; each complete. */
    private static List<RoleChange> roleChanges(ChangeRole change) {
        boolean single = change.party() != null || change.newRole() != null || change.date() != null;
        if (change.changes() != null && !change.changes().isEmpty()) {
            if (single) {
                throw new EditExceptions.Unprocessable("Send either one change in 'party', 'role', 'validFrom', "
                        + "'newRole' and 'date', or several in 'changes', not both.");
            }
        } else if (!single) {
            throw new EditExceptions.Unprocessable("Give 'party', 'role', 'validFrom', 'newRole' and 'date', or a list "
                    + "'changes' of such objects (e.g. a host handover: the HOST and the new host in one request).");
        }
        List<RoleChange> changes = single ? List.of(new RoleChange(change.party(), change.role(), change.validFrom(),
                change.newRole(), change.date())) : change.changes();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            RoleChange c = changes.get(i);
            String where = single ? "" : "changes[" + i + "]: ";
            if (c == null || c.newRole() == null || c.newRole().isBlank() || c.date() == null || c.date().isBlank()) {
                problems.add(where + "give 'newRole' and 'date', the day the new role starts.");
            } else if (c.newRole().equals(c.role())) {
                // Ending the row and starting an equal one would split it in two and change nothing else.
                problems.add(where + "the row of " + c.party() + " already has the role " + c.role()
                        + "; give another role as 'newRole'.");
            }
        }
        if (!problems.isEmpty()) {
            throw new EditExceptions.Unprocessable(String.join(" ", problems));
        }
        return changes;
    }

    @DeleteMapping("/api/bodies/{id}")
    ResponseEntity<Void> purge(@PathVariable String id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String reason) {
        service.purge(user(), id, version, reason);
        return ResponseEntity.noContent().build();
    }

    private static List<BodyState.Party> replaceRow(BodyState current, String party, String role, String validFrom,
            java.util.function.Function<BodyState.Party, List<BodyState.Party>> replacement) {
        List<BodyState.Party> rows = new ArrayList<>();
        boolean found = false;
        for (BodyState.Party row : current.parties()) {
            if (!found && row.sameRow(party, role, validFrom)) {
                rows.addAll(replacement.apply(row));
                found = true;
            } else {
                rows.add(row);
            }
        }
        if (!found) {
            throw new EditExceptions.Unprocessable(current.id() + " has no party row " + party + " " + role
                    + " starting " + (validFrom == null || validFrom.isEmpty() ? "at the start" : validFrom)
                    + "; the rows are " + current.parties().stream().map(BodyState.Party::key).toList());
        }
        return rows;
    }

    private UserAccount user() {
        // The security filter lets only logged-in users write; a user deleted meanwhile is refused here.
        return currentUser.get().orElseThrow(() -> new EditExceptions.OutOfScope("Your user no longer exists."));
    }
}
