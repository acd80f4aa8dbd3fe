package se.samverkansvaven.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The snapshot's compact property map behaves as the sorted unmodifiable map it replaced (a TreeMap copied
 * into a LinkedHashMap and wrapped): the writers' bytes depend on its order and its lookups.
 */
class PropertyMapTest {

    private static Map<String, Object> sample() {
        Map<String, Object> stored = new HashMap<>();
        stored.put("validFrom", LocalDate.of(2020, 1, 1));
        stored.put("role", "MEMBER");
        stored.put("illustrative", false);
        stored.put("source", "SCB");
        stored.put("Zeta", 3L); // upper case sorts before lower case, as in a TreeMap of strings
        stored.put("share", 0.25);
        stored.put("note", null);
        return stored;
    }

    @Test
    void iteratesByNameAsATreeMapDoes() {
        PropertyMap map = new SnapshotInterner().properties(sample());
        assertThat(new ArrayList<>(map.keySet()))
                .containsExactly("Zeta", "illustrative", "note", "role", "share", "source", "validFrom");
        assertThat(new ArrayList<>(map.values()))
                .containsExactly(3L, false, null, "MEMBER", 0.25, "SCB", LocalDate.of(2020, 1, 1));
        List<String> seen = new ArrayList<>();
        map.forEach((k, v) -> seen.add(k + "=" + v));
        assertThat(seen).containsExactly("Zeta=3", "illustrative=false", "note=null", "role=MEMBER", "share=0.25",
                "source=SCB", "validFrom=2020-01-01");
    }

    @Test
    void getsPresentAbsentAndNullValues() {
        PropertyMap map = new SnapshotInterner().properties(sample());
        assertThat(map.get("role")).isEqualTo("MEMBER");
        assertThat(map.get(new String("role"))).isEqualTo("MEMBER"); // equal, not the same instance
        assertThat(map.get("validFrom")).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(map.get("validTo")).isNull();
        assertThat(map.containsKey("validTo")).isFalse();
        assertThat(map.get("note")).isNull();
        assertThat(map.containsKey("note")).isTrue();
        assertThat(map.get("aaa")).isNull(); // before the first name
        assertThat(map.get("zzz")).isNull(); // after the last
        assertThat(map.get(42)).isNull();
        assertThat(map.get(null)).isNull();
        assertThat(map.containsKey(null)).isFalse();
        assertThat(PropertyMap.EMPTY.get("role")).isNull();
        assertThat(PropertyMap.EMPTY).isEmpty();
    }

    @Test
    void equalsAndHashCodeAsAnyMap() {
        PropertyMap map = new SnapshotInterner().properties(sample());
        TreeMap<String, Object> tree = new TreeMap<>(sample());
        assertThat(map).isEqualTo(tree);
        assertThat(tree).isEqualTo(map);
        assertThat(map.hashCode()).isEqualTo(tree.hashCode());
        assertThat(map.toString()).isEqualTo(tree.toString());
        tree.put("role", "CONVENER");
        assertThat(map).isNotEqualTo(tree);
        assertThat(tree).isNotEqualTo(map);
        assertThat(PropertyMap.EMPTY).isEqualTo(Map.of());
        assertThat(PropertyMap.EMPTY.hashCode()).isZero();
    }

    @Test
    void cannotBeChanged() {
        PropertyMap map = new SnapshotInterner().properties(sample());
        assertThatThrownBy(() -> map.put("role", "X")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.remove("role")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(map::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> PropertyMap.EMPTY.clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.putAll(Map.of("a", 1L))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.putIfAbsent("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.replaceAll((k, v) -> v)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.merge("role", "X", (a, b) -> b)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.keySet().remove("role")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.values().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.entrySet().iterator().next().setValue("X"))
                .isInstanceOf(UnsupportedOperationException.class);
        var entries = map.entrySet().iterator();
        entries.next();
        assertThatThrownBy(entries::remove).isInstanceOf(UnsupportedOperationException.class);
        assertThat(map.get("role")).isEqualTo("MEMBER");
        assertThat(map).hasSize(7);
    }

    @Test
    void elementsWithTheSameNamesShareOneKeyArrayAndEqualValues() {
        SnapshotInterner intern = new SnapshotInterner();
        PropertyMap a = intern.properties(Map.of("role", new String("MEMBER"), "validFrom", LocalDate.of(2020, 1, 1)));
        PropertyMap b = intern.properties(new LinkedHashMap<>(Map.of("validFrom", LocalDate.of(2020, 1, 1),
                "role", new String("MEMBER"))));
        assertThat(a.shape()).isSameAs(b.shape());
        assertThat(a.get("role")).isSameAs(b.get("role"));
        assertThat(a.get("validFrom")).isSameAs(b.get("validFrom"));
        PropertyMap c = intern.properties(Map.of("role", "MEMBER"));
        assertThat(c.shape()).isNotSameAs(a.shape());
    }

    @Test
    void refusesKeysThatAreNotSortedAndDistinct() {
        assertThatThrownBy(() -> new PropertyMap(new String[] {"b", "a"}, new Object[2]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PropertyMap(new String[] {"a", "a"}, new Object[2]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PropertyMap(new String[] {"a"}, new Object[2]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void sameAsAnUnmodifiableSortedCopy(@ForAll("maps") Map<String, Object> stored) {
        Map<String, Object> old = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(stored)));
        PropertyMap map = new SnapshotInterner().properties(stored);
        assertThat(new ArrayList<>(map.entrySet())).isEqualTo(new ArrayList<>(old.entrySet()));
        assertThat(map).isEqualTo(old);
        assertThat(map.hashCode()).isEqualTo(old.hashCode());
        for (String name : List.of("a", "B", "role", "validFrom", "zz", "")) {
            assertThat(map.get(name)).isEqualTo(old.get(name));
            assertThat(map.containsKey(name)).isEqualTo(old.containsKey(name));
        }
        for (String name : stored.keySet()) {
            assertThat(map.get(name)).isEqualTo(old.get(name));
        }
        assertThat(PropertyMap.copyOf(stored)).isEqualTo(old);
        assertThat(new ArrayList<>(PropertyMap.copyOf(stored).keySet())).isEqualTo(new ArrayList<>(old.keySet()));
    }

    @Provide
    Arbitrary<Map<String, Object>> maps() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.strings().withChars("aBz_åÄ1").ofMaxLength(4),
                Arbitraries.of("role", "validFrom", "validTo", "source", "illustrative"));
        Arbitrary<Object> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(5).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.doubles().map(d -> (Object) d));
        return Arbitraries.maps(names, values).ofMaxSize(8);
    }
}
