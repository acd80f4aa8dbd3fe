package se.samverkansvaven.importing;

import java.util.List;

/**
 * A creation refused because the bodies it creates were created by another writer after the caller found
 * them missing; nothing was written. The editing API answers it as 409 with the current state, the import
 * API (a large load that finds its bodies created when it publishes) as 409 naming them.
 */
public class CreatedMeanwhileException extends RuntimeException {

    private final List<String> ids;

    CreatedMeanwhileException(List<String> ids) {
        super("Created meanwhile by another writer: " + String.join(", ", ids));
        this.ids = List.copyOf(ids);
    }

    CreatedMeanwhileException(List<String> ids, String message, Throwable cause) {
        super(message, cause);
        this.ids = List.copyOf(ids);
    }

    public List<String> ids() {
        return ids;
    }
}
