package se.samverkansvaven.importing;

import java.util.List;

/** A bundle that was not loaded because of these errors; nothing was written. */
public class BundleRejectedException extends RuntimeException {

    private final List<BundleError> errors;

    public BundleRejectedException(List<BundleError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<BundleError> errors() {
        return errors;
    }

    /** The 422 problem body (POST /api/imports and the editing API): every error, file, line, column. */
    public org.springframework.http.ProblemDetail toProblem(String title, String what) {
        var problem = org.springframework.http.ProblemDetail.forStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setTitle(title);
        problem.setDetail(errors.size() == 1 ? "1 error; nothing was " + what + ": " + errors.getFirst()
                : errors.size() + " errors; nothing was " + what + ". The first: " + errors.getFirst());
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String summary(List<BundleError> errors) {
        return errors.size() == 1 ? "The bundle was not loaded: " + errors.getFirst()
                : "The bundle was not loaded: " + errors.size() + " errors, the first: "
                + (errors.isEmpty() ? "" : errors.getFirst());
    }
}
