package se.samverkansvaven.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.graph.IndexedGraph;

/** P induced on a scope, built for the scope alone ({@link ActorProjection#induced(CooperationData, Set, java.util.Collection)}). */
class ActorProjectionTest {

    static final Set<Form> FORMS = Form.DEFAULT_ANALYSIS_FORMS;

    private final CooperationData data = AnalysisTestData.data()
            .municipalities("0001", "0002", "0003", "0004", "0005", "0006")
            .region("vgr", "Västra Götalandsregionen")
            .actor("agency", ActorKind.AGENCY)
            .area("it", "STOD").area("va", "SAMHALLSBYGGNAD")
            .body("f1", Form.FEDERATION, b -> b.areas("it").members("0001", "0002", "0003", "0004"))
            .body("j1", Form.JOINT_COMMITTEE, b -> b.areas("it").host("0001").participants("0002", "vgr", "agency"))
            .body("a1", Form.AGREEMENT, b -> b.areas("va").host("vgr").participants("0003"))
            .body("c1", Form.COMPANY, b -> b.areas("va").members("0004", "0005"))
            .body("n1", Form.NETWORK, b -> b.areas("va").participants("0001", "0006"))
            .build();

    /**
     * The bipartite graph's vertices are the actors 0001 to 0005 and vgr and the bodies a1, c1, f1 and j1, in id order
     * (the network n1 is not of the default forms, so 0006 is in no body; the agency is not a projected actor);
     * bodyAt gives each body's own row and null for an actor.
     */
    @Test
    void eachVertexOfTheBipartiteGraphHasItsBodyAtHand() {
        ActorProjection p = ActorProjection.of(data, FORMS);
        IndexedGraph bipartite = p.bipartite();
        List<String> bodies = new ArrayList<>();
        List<String> actors = new ArrayList<>();
        for (int v = 0; v < bipartite.vertexCount(); v++) {
            if (p.bodyAt(v) == null) {
                actors.add(bipartite.id(v));
            } else {
                assertThat(p.bodyAt(v)).isSameAs(data.bodies().get(bipartite.id(v)));
                bodies.add(bipartite.id(v));
            }
        }
        assertThat(bodies).containsExactly("a1", "c1", "f1", "j1");
        assertThat(actors).containsExactly("0001", "0002", "0003", "0004", "0005", "vgr");
    }

    /**
     * By hand, scope {0001, 0002, 0004, 0005, 0006, vgr, agency}: vertices are the scope's actors party to a body of
     * the default forms: 0001, 0002, 0004, 0005, vgr (0006 is only in a network, the agency is not a projected
     * actor). Edges among them: 0001–0002 weight 2 (f1, j1), 0001–0004 1 (f1), 0002–0004 1 (f1), 0001–vgr 1 (j1),
     * 0002–vgr 1 (j1), 0004–0005 1 (c1). 0003 is outside the scope, so a1 adds nothing.
     */
    @Test
    void theScopesPartIsBuiltAsTheWholePInducedOnIt() {
        List<String> scope = List.of("0001", "0002", "0004", "0005", "0006", "vgr", "agency");
        IndexedGraph induced = ActorProjection.induced(data, FORMS, scope);

        assertThat(edges(induced)).containsExactly("0001-0002:2.0", "0001-0004:1.0", "0001-vgr:1.0",
                "0002-0004:1.0", "0002-vgr:1.0", "0004-0005:1.0");
        assertThat(ids(induced)).containsExactly("0001", "0002", "0004", "0005", "vgr");
        IndexedGraph whole = ActorProjection.of(data, FORMS).induced(scope);
        assertThat(ids(induced)).isEqualTo(ids(whole));
        assertThat(edges(induced)).isEqualTo(edges(whole));
    }

    /** A scope actor party only to bodies shared with actors outside the scope stays, without edges (as induced). */
    @Test
    void anActorWhosePartnersAreOutsideTheScopeIsAnIsolatedVertex() {
        List<String> scope = List.of("0003", "0006");
        IndexedGraph induced = ActorProjection.induced(data, FORMS, scope);

        assertThat(ids(induced)).containsExactly("0003");
        assertThat(induced.edgeCount()).isZero();
        assertThat(ids(ActorProjection.of(data, FORMS).induced(scope))).isEqualTo(ids(induced));
    }

    private static List<String> ids(IndexedGraph g) {
        List<String> ids = new ArrayList<>();
        for (int v = 0; v < g.vertexCount(); v++) {
            ids.add(g.id(v));
        }
        return ids;
    }

    /** Every edge once, "u-v:weight", u before v, in index order. */
    private static List<String> edges(IndexedGraph g) {
        List<String> edges = new ArrayList<>();
        for (int v = 0; v < g.vertexCount(); v++) {
            for (int w : g.neighbours(v)) {
                if (v < w) {
                    edges.add(g.id(v) + "-" + g.id(w) + ":" + g.weight(v, w));
                }
            }
        }
        return edges;
    }
}
