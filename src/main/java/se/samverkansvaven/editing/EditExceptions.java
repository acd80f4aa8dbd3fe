package se.samverkansvaven.editing;

/** The editing API's refusals; each becomes a problem body in {@link EditController}. */
final class EditExceptions {

    private EditExceptions() {}

    /** 409: the version sent is not the stored one; carries the current state. */
    static final class StaleVersion extends RuntimeException {
        final BodyState current;

        StaleVersion(String message, BodyState current) {
            super(message);
            this.current = current;
        }
    }

    /** 403: the user's scope does not reach this body. */
    static final class OutOfScope extends RuntimeException {
        OutOfScope(String message) {
            super(message);
        }
    }

    /** 422 with one message that is not a bundle rule (e.g. a party row to end that does not exist). */
    static final class Unprocessable extends RuntimeException {
        Unprocessable(String message) {
            super(message);
        }
    }
}
