package se.samverkansvaven.coverage;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.importing.BundleError;
import se.samverkansvaven.importing.BundleRejectedException;
import se.samverkansvaven.security.CurrentUser;
import se.samverkansvaven.security.UserAccount;

/**
 * Coverage declarations (docs/security.md, "Editing API"): {@code POST /api/coverage/{code}} declares a
 * municipality's list of bodies of some forms complete from a date, {@code POST /api/coverage/{code}/withdraw}
 * ends such a row. The answer is the municipality's coverage state with its new version.
 */
@RestController
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
        return currentUser.get().orElseThrow(() -> new CoverageEdits.OutOfScope("Your user no longer exists."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(BundleRejectedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.toProblem("The change was not made", "changed"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unprocessable(CoverageEdits.Unprocessable e) {
        return rejected(new BundleRejectedException(List.of(new BundleError("request", 0, null, e.getMessage()))));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> stale(CoverageEdits.StaleVersion e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Changed meanwhile");
        problem.setProperty("current", e.current);
        return problem(HttpStatus.CONFLICT, problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> outOfScope(CoverageEdits.OutOfScope e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Outside your scope");
        return problem(HttpStatus.FORBIDDEN, problem);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, ProblemDetail problem) {
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
