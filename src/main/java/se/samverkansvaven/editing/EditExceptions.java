package se.samverkansvaven.editing;

/**
 * The editing API's refusals, shared by every controller marked {@link EditingApi} (body edits here, coverage
 * declarations in {@code coverage}); {@link EditProblems} turns each into its problem body.
 */
public final class EditExceptions {

    private EditExceptions() {}

    /** 409: the version sent is not the stored one; carries the current state (a body's, a municipality's coverage). */
    public static final class StaleVersion extends RuntimeException {
        final transient Object current;

        public StaleVersion(String message, Object current) {
            super(message);
            this.current = current;
        }
    }

    /** 403: the user's scope does not reach what is being changed. */
    public static final class OutOfScope extends RuntimeException {
        public OutOfScope(String message) {
            super(message);
        }
    }

    /** 422 with one message that is not a bundle rule (e.g. a party row to end that does not exist). */
    public static final class Unprocessable extends RuntimeException {
        public Unprocessable(String message) {
            super(message);
        }
    }
}
