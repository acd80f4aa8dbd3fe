package se.samverkansvaven.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The export formats, each with its Content-Type and the end of its file name. */
public enum ExportFormat {
    GRAPHML("application/graphml+xml", ".graphml"),
    GEXF("application/gexf+xml", ".gexf"),
    CSV("application/zip", "-csv.zip"),
    BUNDLE("application/zip", "-bundle.zip"),
    JSON("application/json", ".json"),
    CYPHER("text/plain;charset=UTF-8", ".cypher");

    private final String contentType;
    private final String suffix;

    ExportFormat(String contentType, String suffix) {
        this.contentType = contentType;
        this.suffix = suffix;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String contentType() {
        return contentType;
    }

    public String suffix() {
        return suffix;
    }

    public static Optional<ExportFormat> parse(String value) {
        return Arrays.stream(values()).filter(f -> f.id().equalsIgnoreCase(value.strip())).findFirst();
    }

    public static String accepted() {
        return Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", "));
    }
}
