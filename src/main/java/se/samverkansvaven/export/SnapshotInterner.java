package se.samverkansvaven.export;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares equal values within one read of a snapshot. The driver decodes every record value and map key
 * afresh, so without this a snapshot at L held ~25 M strings, most of them repeats (property names, ends,
 * roles, sources, dates). One instance per read, dropped with it: nothing static, nothing kept between exports.
 */
final class SnapshotInterner {

    /**
     * Strings and lists in one table, dates and numbers in tables of their own: a read at L interns millions of
     * ids, and a few thousand dates kept apart stay in a core's cache instead of being looked up in that table.
     */
    private final Map<Object, Object> values = new HashMap<>();
    private final Map<LocalDate, LocalDate> dates = new HashMap<>();
    private final Map<Object, Object> numbers = new HashMap<>();
    private final Map<List<String>, String[]> shapes = new HashMap<>();

    String string(String s) {
        return s == null ? null : (String) values.computeIfAbsent(s, v -> v);
    }

    /** Equal strings, dates and numbers as one instance; other values (booleans are canonical, lists) as they are. */
    Object value(Object value) {
        return switch (value) {
            case String s -> string(s);
            case LocalDate d -> dates.computeIfAbsent(d, v -> v);
            case Long l -> numbers.computeIfAbsent(l, v -> v);
            case Double d -> numbers.computeIfAbsent(d, v -> v);
            case Boolean b -> Boolean.valueOf(b);
            case null, default -> value;
        };
    }

    <T> List<T> list(List<T> list) {
        @SuppressWarnings("unchecked")
        List<T> shared = (List<T>) values.computeIfAbsent(List.copyOf(list), v -> v);
        return shared;
    }

    /**
     * {@code props} (any map with String keys, not changed) as a {@link PropertyMap}, names and values shared. The
     * names are interned with the first map of their shape only: a read meets a handful of shapes millions of times.
     */
    PropertyMap properties(Map<String, ?> props) {
        if (props.isEmpty()) {
            return PropertyMap.EMPTY;
        }
        String[] names = props.keySet().toArray(new String[0]);
        Arrays.sort(names);
        String[] shape = shapes.get(Arrays.asList(names));
        if (shape == null) {
            for (int i = 0; i < names.length; i++) {
                names[i] = string(names[i]);
            }
            shape = names;
            shapes.put(Arrays.asList(shape), shape);
        }
        Object[] values = new Object[shape.length];
        for (int i = 0; i < shape.length; i++) {
            values[i] = value(props.get(shape[i]));
        }
        return new PropertyMap(shape, values);
    }
}
