package se.samverkansvaven.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import se.samverkansvaven.export.GraphSnapshot.Edge;

/** Edges are ordered by their id without building it: the order must be exactly the ids' string order. */
class EdgeOrderTest {

    @Test
    void idIsTypeEndsAndQualifier() {
        assertThat(new Edge("PARTY_TO", "1480", "b-1", "MEMBER:2020-01-01", Map.of()).id())
                .isEqualTo("PARTY_TO:1480>b-1:MEMBER:2020-01-01");
        assertThat(new Edge("BORDERS", "1480", "1481", null, Map.of()).id()).isEqualTo("BORDERS:1480>1481");
    }

    @Test
    void aPartThatIsAPrefixOfTheOtherSortsAsTheWholeIdsDo() {
        // "A" < "A-B" as types, but "A-B:x>y" < "A:x>y" as ids ('-' < ':')
        Edge a = new Edge("A", "x", "y", null, Map.of());
        Edge ab = new Edge("A-B", "x", "y", null, Map.of());
        assertThat(Integer.signum(Edge.BY_ID.compare(ab, a))).isEqualTo(Integer.signum(ab.id().compareTo(a.id())))
                .isEqualTo(-1);
        // a source that is a prefix of the other: "1>" against "1~" and "1!"
        Edge s1 = new Edge("T", "1", "z", null, Map.of());
        assertThat(Edge.BY_ID.compare(s1, new Edge("T", "1~", "a", null, Map.of()))).isNegative();
        assertThat(Edge.BY_ID.compare(s1, new Edge("T", "1!", "a", null, Map.of()))).isPositive();
        // no qualifier sorts before one
        Edge row = new Edge("T", "1", "z", "M:2020", Map.of());
        assertThat(Edge.BY_ID.compare(s1, row)).isNegative();
        assertThat(Edge.BY_ID.compare(row, new Edge("T", "1", "z", "M:2020", Map.of("x", 1L)))).isZero();
    }

    @Property
    void sameSignAsComparingTheIds(@ForAll("edges") Edge a, @ForAll("edges") Edge b) {
        assertThat(Integer.signum(Edge.BY_ID.compare(a, b))).isEqualTo(Integer.signum(a.id().compareTo(b.id())));
    }

    @Provide
    Arbitrary<Edge> edges() {
        Arbitrary<String> part = Arbitraries.strings().withChars("ab:>-~!_1").ofMaxLength(3);
        Arbitrary<String> qualifier = Arbitraries.oneOf(part, Arbitraries.just(null));
        return net.jqwik.api.Combinators.combine(Arbitraries.of("T", "T_", "T-", "TX", ""), part, part, qualifier)
                .as((type, source, target, q) -> new Edge(type, source, target, q, Map.of()));
    }
}
