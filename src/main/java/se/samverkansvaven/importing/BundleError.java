package se.samverkansvaven.importing;

/**
 * One thing wrong with a bundle.
 *
 * @param file    the bundle file, e.g. {@code parties.csv}
 * @param line    1-based physical line in that file, the header being line 1; 0 when the whole file is meant
 * @param column  the header name of the offending cell, or null when no single column is meant
 * @param message a sentence a person understands
 */
public record BundleError(String file, int line, String column, String message) {

    /** {@code file:line:column: message}, the form the command line prints. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + (column == null ? "" : column) + ": " + message;
    }
}
