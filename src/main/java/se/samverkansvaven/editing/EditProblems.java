package se.samverkansvaven.editing;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import se.samverkansvaven.importing.BundleError;
import se.samverkansvaven.importing.BundleRejectedException;

/**
 * The problem bodies of the editing API's refusals, for the controllers marked {@link EditingApi} only (an
 * import's rejected bundle keeps its own title): 422 with the loader's errors, 409 with the current state, 403.
 */
@RestControllerAdvice(annotations = EditingApi.class)
class EditProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(BundleRejectedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.toProblem("The change was not made", "changed"));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unprocessable(EditExceptions.Unprocessable e) {
        return rejected(new BundleRejectedException(List.of(new BundleError("request", 0, null, e.getMessage()))));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> stale(EditExceptions.StaleVersion e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Changed meanwhile");
        problem.setProperty("current", e.current);
        return problem(HttpStatus.CONFLICT, problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> outOfScope(EditExceptions.OutOfScope e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Outside your scope");
        return problem(HttpStatus.FORBIDDEN, problem);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, ProblemDetail problem) {
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
