package se.samverkansvaven.importing;

import java.util.List;

/** A bundle that was not loaded because of these errors; nothing was written. */
public class BundleRejectedException extends RuntimeException {

    private final List<BundleError> errors;
    private final long errorCount;

    public BundleRejectedException(List<BundleError> errors) {
        this(errors, errors.size());
    }

    /**
     * @param errors     the errors reported, the first ones in file and line order
     * @param errorCount how many there are in all (samverkansvaven.limits.errors-reported bounds the list)
     */
    public BundleRejectedException(List<BundleError> errors, long errorCount) {
        super(summary(errors, errorCount));
        this.errors = List.copyOf(errors);
        this.errorCount = Math.max(errorCount, errors.size());
    }

    /** The errors reported: all of them, or the first samverkansvaven.limits.errors-reported. */
    public List<BundleError> errors() {
        return errors;
    }

    /** How many errors were found, those not listed in {@link #errors()} included. */
    public long errorCount() {
        return errorCount;
    }

    /**
     * The problem body (422 for POST /api/imports and the editing API): the errors with file, line and column,
     * {@code errorCount}, and, when the list was cut, {@code errorsOmitted}.
     */
    public org.springframework.http.ProblemDetail toProblem(String title, String what) {
        var problem = org.springframework.http.ProblemDetail.forStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setTitle(title);
        long omitted = errorCount - errors.size();
        problem.setDetail(errorCount == 1 ? "1 error; nothing was " + what + ": " + errors.getFirst()
                : errorCount + " errors; nothing was " + what + ". " + (omitted > 0 ? "The first " + errors.size()
                + " are listed (samverkansvaven.limits.errors-reported). " : "") + "The first: " + errors.getFirst());
        problem.setProperty("errors", errors);
        problem.setProperty("errorCount", errorCount);
        if (omitted > 0) {
            problem.setProperty("errorsOmitted", omitted);
        }
        return problem;
    }

    private static String summary(List<BundleError> errors, long errorCount) {
        return errorCount == 1 ? "The bundle was not loaded: " + errors.getFirst()
                : "The bundle was not loaded: " + errorCount + " errors, the first: "
                + (errors.isEmpty() ? "" : errors.getFirst());
    }
}
