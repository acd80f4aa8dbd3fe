package se.samverkansvaven.coverage;

import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.editing.EditExceptions;
import se.samverkansvaven.editing.EditingApi;
import se.samverkansvaven.security.CurrentUser;
import se.samverkansvaven.security.UserAccount;

/**
 * Coverage declarations (docs/security.md, "Editing API"): {@code POST /api/coverage/{code}} declares a
 * municipality's list of bodies of some forms complete from a date, {@code POST /api/coverage/{code}/withdraw}
 * ends such a row. The answer is the municipality's coverage state with its new version.
 */
@RestController
@EditingApi
class CoverageEditController {

    /** @param forms the forms the list is complete for; empty or absent means every form */
    record Declaration(Long version, String reason, List<String> forms, String validFrom, String source) {}

    /** @param row the id of the coverage row to end; validTo is the first day it no longer holds */
    record Withdrawal(Long version, String reason, String row, String validTo) {}

    private final CoverageEdits edits;
    private final CurrentUser currentUser;

    CoverageEditController(CoverageEdits edits, CurrentUser currentUser) {
        this.edits = edits;
        this.currentUser = currentUser;
    }

    @PostMapping(path = "/api/coverage/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    CoverageController.State declare(@PathVariable String code, @RequestBody Declaration declaration) {
        return edits.declare(user(), code, declaration.version(), declaration.reason(), declaration.forms(),
                declaration.validFrom(), declaration.source());
    }

    @PostMapping(path = "/api/coverage/{code}/withdraw", consumes = MediaType.APPLICATION_JSON_VALUE)
    CoverageController.State withdraw(@PathVariable String code, @RequestBody Withdrawal withdrawal) {
        return edits.withdraw(user(), code, withdrawal.version(), withdrawal.reason(), withdrawal.row(),
                withdrawal.validTo());
    }

    private UserAccount user() {
        // The security filter lets only logged-in users write; a user deleted meanwhile is refused here.
        return currentUser.get().orElseThrow(() -> new EditExceptions.OutOfScope("Your user no longer exists."));
    }
}
