package se.samverkansvaven.web;

import java.net.URI;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns the app's exceptions into RFC 9457 problem bodies that say what was wrong and where. */
/** First in line, so its messages win over Spring's generic problem details for the same exceptions. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail badParameter(BadParameterException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad parameter",
                "Parameter '" + e.parameter() + "': " + e.getMessage());
        problem.setProperty("parameter", e.parameter());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == java.time.LocalDate.class
                ? "a date written YYYY-MM-DD" : "a value of type " + (e.getRequiredType() == null ? "?" : e.getRequiredType().getSimpleName());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad parameter",
                "Parameter '" + e.getName() + "': '" + e.getValue() + "' is not " + expected + ".");
        problem.setProperty("parameter", e.getName());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail missing(MissingServletRequestParameterException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Missing parameter",
                "Parameter '" + e.getParameterName() + "' is required.");
        problem.setProperty("parameter", e.getParameterName());
        return problem;
    }

    /** Upload limit: spring.servlet.multipart.max-file-size / max-request-size (README "Configuration"). */
    @ExceptionHandler
    ProblemDetail tooLarge(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", "The upload is larger than the "
                + "allowed " + (e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() + " bytes" : "size")
                + " (spring.servlet.multipart.max-file-size); nothing was loaded. Split the bundle.");
    }

    /**
     * A multipart request that cannot be parsed (no boundary, cut short): the client's error, not the server's.
     * Parsed before any controller is chosen, so only advice like this one sees it.
     */
    @ExceptionHandler
    ProblemDetail badMultipart(org.springframework.web.multipart.MultipartException e) {
        Throwable cause = e.getMostSpecificCause();
        return problem(HttpStatus.BAD_REQUEST, "Malformed upload", "The request is not a well-formed "
                + "multipart/form-data upload (" + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getMessage()) + "); send the bundle as a zip file in the multipart field 'file'. "
                + "Nothing was loaded.");
    }

    @ExceptionHandler({ServiceUnavailableException.class, SessionExpiredException.class})
    ProblemDetail databaseDown(Exception e) {
        log.warn("Neo4j is unavailable: {}", e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                "The graph database cannot be reached right now. Try again shortly; nothing was changed.");
    }

    /**
     * A write that still met a deadlock or lock timeout after the driver's retries (executeWrite retries
     * transient errors for up to 30 s): another writer holds the same bodies. 409, to be sent again; any other
     * transient failure of the database is a 503.
     */
    @ExceptionHandler
    org.springframework.http.ResponseEntity<ProblemDetail> transientFailure(TransientException e) {
        boolean conflict = e.code() != null && e.code().startsWith("Neo.TransientError.Transaction.");
        log.warn("A transaction failed after retries ({}): {}", e.code(), e.getMessage());
        ProblemDetail problem = conflict
                ? problem(HttpStatus.CONFLICT, "Concurrent change", "Other changes to the same data were being "
                        + "made at the same time and this one could not be completed; nothing was changed. Send it again.")
                : problem(HttpStatus.SERVICE_UNAVAILABLE, "Database busy", "The graph database could not complete "
                        + "the request right now; nothing was changed. Try again shortly.");
        return org.springframework.http.ResponseEntity.status(problem.getStatus()).header("Retry-After", "1")
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
