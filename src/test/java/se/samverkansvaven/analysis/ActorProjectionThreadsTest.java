package se.samverkansvaven.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.graph.IndexedGraph;

/**
 * The projection's build is the same on one thread and on two (issue 17): P's vertices, neighbours and weights,
 * and the bipartite graph's vertices and neighbours.
 */
class ActorProjectionThreadsTest {

    @Test
    void oneAndTwoThreadsBuildTheSameGraphs() {
        CooperationData data = randomWeb(new Random(17));
        ActorProjection one = ActorProjection.of(data, Form.DEFAULT_ANALYSIS_FORMS, 1);
        for (int threads : new int[] {2, 3}) {
            ActorProjection other = ActorProjection.of(data, Form.DEFAULT_ANALYSIS_FORMS, threads);
            assertThat(other.bodies()).isEqualTo(one.bodies());
            assertThat(csr(other.actors())).as("P on %d threads", threads).isEqualTo(csr(one.actors()));
            assertThat(csr(other.bipartite())).as("B on %d threads", threads).isEqualTo(csr(one.bipartite()));
        }
        // the web is not trivial: P has most of the 300 municipalities and the region, with weights above 1
        assertThat(one.actors().vertexCount()).isGreaterThan(250);
        assertThat(one.actors().edgeCount()).isGreaterThan(1000);
        assertThat(csr(one.actors())).anyMatch(row -> row.contains("=2.0"));
        assertThat(one.actors().containsVertex("region-x")).isTrue();
    }

    @Test
    void aParallelismBelowOneIsRefused() {
        CooperationData data = randomWeb(new Random(1));
        assertThatThrownBy(() -> ActorProjection.of(data, Form.DEFAULT_ANALYSIS_FORMS, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1, was 0");
    }

    /** 300 municipalities, a region, 1,200 bodies of every form with 2–6 random parties each. */
    private static CooperationData randomWeb(Random random) {
        AnalysisTestData web = AnalysisTestData.data().region("region-x", "Region X");
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            codes.add("%04d".formatted(i));
        }
        web.municipalities(codes.toArray(String[]::new));
        Form[] forms = Form.values();
        for (int b = 0; b < 1200; b++) {
            TreeSet<String> parties = new TreeSet<>();
            int size = 2 + random.nextInt(5);
            int around = random.nextInt(300);
            while (parties.size() < size) {
                parties.add(codes.get(Math.floorMod(around + random.nextInt(20) - 10, 300)));
            }
            if (random.nextInt(10) == 0) {
                parties.add("region-x");
            }
            Form form = forms[random.nextInt(forms.length)];
            web.body("b%04d".formatted(b), form, body -> body.members(parties.toArray(String[]::new)));
        }
        return web.build();
    }

    private static List<String> csr(IndexedGraph g) {
        List<String> rows = new ArrayList<>();
        for (int v = 0; v < g.vertexCount(); v++) {
            StringBuilder row = new StringBuilder(g.id(v)).append(':');
            for (int w : g.neighbours(v)) {
                row.append(' ').append(g.id(w)).append('=').append(g.weight(v, w));
            }
            rows.add(row.toString());
        }
        return rows;
    }
}
