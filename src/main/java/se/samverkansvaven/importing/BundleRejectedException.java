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

    private static String summary(List<BundleError> errors) {
        return errors.size() == 1 ? "The bundle was not loaded: " + errors.getFirst()
                : "The bundle was not loaded: " + errors.size() + " errors, the first: "
                + (errors.isEmpty() ? "" : errors.getFirst());
    }
}
