package se.samverkansvaven.analysis.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverkansvaven.analysis.data.CooperationData.AreaInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.analysis.data.CooperationData.Place;
import se.samverkansvaven.analysis.data.CooperationDataSource.BodyRow;
import se.samverkansvaven.body.PartyRole;

/**
 * The read on two threads (the source's rows handed in batches to an assembling thread) against one: the same
 * data, and a failure on either side comes out of {@code read} as it does on one thread, without waiting forever
 * on rows nobody takes.
 */
class CooperationDataReaderTest {

    private static final LocalDate DATE = LocalDate.of(2026, 1, 1);
    /** More rows than the batches in flight hold (64 × 256), so the reading thread has to wait for the assembly. */
    private static final int BODIES = 30_000;

    @Test
    void oneAndTwoThreadsAssembleTheSameData() {
        CooperationDataSource source = (asOf, rows) -> rows(rows, BODIES, -1, false);
        CooperationData one = new CooperationDataReader(source).withParallelism(1).read(DATE);
        CooperationData two = new CooperationDataReader(source).withParallelism(2).read(DATE);
        assertThat(two.bodies()).hasSize(BODIES).isEqualTo(one.bodies());
        assertThat(List.copyOf(two.bodies().keySet())).isEqualTo(List.copyOf(one.bodies().keySet()));
        assertThat(two.municipalities()).isEqualTo(one.municipalities());
        assertThat(two.borders().edgeSet()).hasSize(one.borders().edgeSet().size()).hasSize(99);
        // the reader derives sectors from the areas read before the bodies, on either thread
        assertThat(two.bodies().get("b00007").sectors()).containsExactly("social");
        assertThat(two.bodies().get("b00007").parties()).extracting(PartyInfo::partyId).containsExactly("0008", "0009");
    }

    @Test
    void aFailureOfTheSourceComesOutOfTheRead() {
        CooperationDataSource source = (asOf, rows) -> rows(rows, BODIES, 20_000, false);
        for (int threads : new int[] {1, 2}) {
            assertThatThrownBy(() -> new CooperationDataReader(source).withParallelism(threads).read(DATE))
                    .as("%d threads", threads).isInstanceOf(IllegalStateException.class).hasMessage("the store failed");
        }
    }

    @Test
    void aFailureOfTheAssemblyComesOutOfTheRead() {
        // a body naming an area that was not read: the assembly fails on it, then 29,999 more rows arrive
        CooperationDataSource source = (asOf, rows) -> rows(rows, BODIES, -1, true);
        for (int threads : new int[] {1, 2}) {
            assertThatThrownBy(() -> new CooperationDataReader(source).withParallelism(threads).read(DATE))
                    .as("%d threads", threads).isInstanceOf(NullPointerException.class);
        }
    }

    private static void rows(CooperationDataSource.Rows rows, int bodies, int failAt, boolean unknownArea) {
        rows.revision(3);
        for (int m = 1; m <= 100; m++) {
            String code = "%04d".formatted(m);
            rows.municipality(new Place(code, "M" + code, "14", 57, 12, null),
                    m < 100 ? List.of("%04d".formatted(m + 1)) : List.of());
        }
        rows.area(new AreaInfo("it", "digital", "it", "it"));
        rows.area(new AreaInfo("care", "social", "care", "care"));
        for (int b = 0; b < bodies; b++) {
            if (b == failAt) {
                throw new IllegalStateException("the store failed");
            }
            String a = "%04d".formatted(b % 100 + 1);
            String c = "%04d".formatted((b + 1) % 100 + 1);
            // parties in the order a store might give them; the reader sorts them
            rows.body(new BodyRow("b%05d".formatted(b), "AGREEMENT", "Body " + b, null, null, null, b % 3 == 0,
                    List.of(unknownArea && b == 0 ? "nowhere" : b % 2 == 0 ? "it" : "care"), List.of(),
                    List.of(new PartyInfo(c, PartyType.MUNICIPALITY, PartyRole.PARTICIPANT),
                            new PartyInfo(a, PartyType.MUNICIPALITY, PartyRole.HOST)), List.of(), List.of(), List.of()));
        }
    }
}
