package se.samverkansvaven.export;

import java.io.PrintStream;

/** A one-line textual progress bar, redrawn in place with '\r' (stderr, so stdout stays clean). */
final class ProgressBar implements ExportProgress {

    private static final int WIDTH = 30;

    private final PrintStream err;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public void update(String phase, int percent) {
        int filled = Math.max(0, Math.min(WIDTH, percent * WIDTH / 100));
        err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + String.format("%3d%%", percent)
                + " " + String.format("%-28s", phase));
        if (percent >= 100) {
            err.println();
        }
        err.flush();
    }
}
