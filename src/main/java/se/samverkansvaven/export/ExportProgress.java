package se.samverkansvaven.export;

/** Told how far an export has come: a phase name and a percentage, 0 to 100. */
@FunctionalInterface
public interface ExportProgress {

    ExportProgress NONE = (phase, percent) -> { };

    void update(String phase, int percent);
}
