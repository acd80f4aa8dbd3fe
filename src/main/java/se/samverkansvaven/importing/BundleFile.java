package se.samverkansvaven.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The files of the CSV bundle format (domain.md, "Data exchange format") and their columns. */
enum BundleFile {
    BODIES("bodies.csv", true,
            "id", "form", "name", "sector", "level", "governance", "seat_code", "valid_from", "valid_to", "source"),
    PARTIES("parties.csv", true,
            "body_id", "party", "role", "valid_from", "valid_to", "representative", "source"),
    ACTORS("actors.csv", false, "id", "kind", "name", "source"),
    AREAS("areas.csv", false, "body_id", "area"),
    LINKS("links.csv", false, "a", "b", "kind", "valid_from", "valid_to", "source"),
    GOALS("goals.csv", false, "id", "name", "source"),
    BODY_GOALS("body_goals.csv", false, "body_id", "goal_id"),
    GOAL_RELATIONS("goal_relations.csv", false, "a", "b", "kind"),
    COVERAGE("coverage.csv", false, "municipality", "forms", "valid_from", "valid_to", "source");

    private final String fileName;
    private final boolean required;
    private final List<String> columns;

    BundleFile(String fileName, boolean required, String... columns) {
        this.fileName = fileName;
        this.required = required;
        this.columns = List.of(columns);
    }

    String fileName() {
        return fileName;
    }

    boolean required() {
        return required;
    }

    List<String> columns() {
        return columns;
    }

    static Optional<BundleFile> byName(String fileName) {
        return Arrays.stream(values()).filter(f -> f.fileName.equals(fileName)).findFirst();
    }

    static List<String> fileNames() {
        return Arrays.stream(values()).map(BundleFile::fileName).toList();
    }
}
