package se.samverkansvaven.export;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The properties of a snapshot's node or edge: an immutable map sorted by name (as a {@code TreeMap} of
 * {@code String} keys iterates), held as two arrays. The key array is the element's "shape" and is shared by
 * every element with the same property names ({@link SnapshotInterner}), so an edge costs one small value
 * array rather than a {@code LinkedHashMap} with an entry object per property (at L about 2 M edges).
 * Values may be null. Equality and hash code are those of any {@code Map}.
 */
final class PropertyMap extends AbstractMap<String, Object> {

    static final PropertyMap EMPTY = new PropertyMap(new String[0], new Object[0]);

    private final String[] keys;
    private final Object[] values;

    /** @param sortedKeys distinct names in {@code String} order, shared and never changed; values beside them */
    PropertyMap(String[] sortedKeys, Object[] values) {
        if (sortedKeys.length != values.length) {
            throw new IllegalArgumentException(sortedKeys.length + " names but " + values.length + " values");
        }
        for (int i = 1; i < sortedKeys.length; i++) {
            if (sortedKeys[i - 1].compareTo(sortedKeys[i]) >= 0) {
                throw new IllegalArgumentException("names not sorted and distinct: " + Arrays.toString(sortedKeys));
            }
        }
        this.keys = sortedKeys;
        this.values = values;
    }

    /** A sorted, immutable copy of {@code map} (its own key array, nothing shared). */
    static PropertyMap copyOf(Map<String, ?> map) {
        String[] names = map.keySet().toArray(new String[0]);
        Arrays.sort(names);
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = map.get(names[i]);
        }
        return new PropertyMap(names, values);
    }

    /** The shared key array (for {@link SnapshotInterner}); never to be changed. */
    String[] shape() {
        return keys;
    }

    private int index(Object key) {
        if (!(key instanceof String name)) {
            return -1;
        }
        for (int i = 0; i < keys.length; i++) { // a handful of names: a scan, and most lookups hit by identity
            if (keys[i] == name) {
                return i;
            }
        }
        return Arrays.binarySearch(keys, name);
    }

    @Override
    public Object get(Object key) {
        int i = index(key);
        return i < 0 ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return index(key) >= 0;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean isEmpty() {
        return keys.length == 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
        for (int i = 0; i < keys.length; i++) {
            action.accept(keys[i], values[i]);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return keys.length;
            }
        };
    }

    // Immutable, like the unmodifiable map it replaces: every mutator throws, even when it would change nothing.

    @Override
    public Object put(String key, Object value) {
        throw immutable();
    }

    @Override
    public Object remove(Object key) {
        throw immutable();
    }

    @Override
    public void putAll(Map<? extends String, ?> m) {
        throw immutable();
    }

    @Override
    public void clear() {
        throw immutable();
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super Object, ?> function) {
        throw immutable();
    }

    @Override
    public Object putIfAbsent(String key, Object value) {
        throw immutable();
    }

    @Override
    public boolean remove(Object key, Object value) {
        throw immutable();
    }

    @Override
    public boolean replace(String key, Object oldValue, Object newValue) {
        throw immutable();
    }

    @Override
    public Object replace(String key, Object value) {
        throw immutable();
    }

    @Override
    public Object computeIfAbsent(String key, Function<? super String, ?> mappingFunction) {
        throw immutable();
    }

    @Override
    public Object computeIfPresent(String key, BiFunction<? super String, ? super Object, ?> remappingFunction) {
        throw immutable();
    }

    @Override
    public Object compute(String key, BiFunction<? super String, ? super Object, ?> remappingFunction) {
        throw immutable();
    }

    @Override
    public Object merge(String key, Object value, BiFunction<? super Object, ? super Object, ?> remappingFunction) {
        throw immutable();
    }

    private static UnsupportedOperationException immutable() {
        return new UnsupportedOperationException("a snapshot's properties are immutable");
    }
}
