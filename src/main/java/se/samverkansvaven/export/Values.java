package se.samverkansvaven.export;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** Property values as the writers see them: String, Long, Double, Boolean, LocalDate (or a list, as text). */
final class Values {

    private Values() {}

    /** The text form every format uses: ISO dates, Java's shortest round-tripping doubles. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        return value.toString();
    }

    /** The common type of each property over all elements (GraphML/GEXF key types); mixed types become string. */
    static Map<String, String> types(Iterable<Map<String, Object>> propertyMaps) {
        Map<String, String> types = new TreeMap<>();
        for (Map<String, Object> props : propertyMaps) {
            props.forEach((name, value) -> {
                if (value != null) {
                    types.merge(name, type(value), (a, b) -> a.equals(b) ? a : "string");
                }
            });
        }
        return types;
    }

    private static String type(Object value) {
        return switch (value) {
            case Boolean b -> "boolean";
            case Long l -> "long";
            case Integer i -> "long";
            case Double d -> "double";
            case LocalDate d -> "string";
            default -> "string";
        };
    }
}
