package se.samverkansvaven.importing;

import java.util.List;

/**
 * A creation refused because the bodies it creates were created by another writer after the caller found
 * them missing; nothing was written. The editing API answers it as 409 with the current state.
 */
public class CreatedMeanwhileException extends RuntimeException {

    private final List<String> ids;

    CreatedMeanwhileException(List<String> ids) {
        super("Created meanwhile by another writer: " + String.join(", ", ids));
        this.ids = List.copyOf(ids);
    }

    public List<String> ids() {
        return ids;
    }
}
