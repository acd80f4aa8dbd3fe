package se.samverkansvaven.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverkansvaven.analysis.EgoWebAnalysis.Edge;
import se.samverkansvaven.analysis.EgoWebAnalysis.EgoWeb;
import se.samverkansvaven.analysis.EgoWebAnalysis.Element;
import se.samverkansvaven.analysis.EgoWebAnalysis.Node;
import se.samverkansvaven.analysis.EgoWebAnalysis.Query;
import se.samverkansvaven.analysis.PartnerWeights.Partner;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;

class EgoWebAnalysisTest {

    private final EgoWebAnalysis analysis = new EgoWebAnalysis();

    /*
     * Bipartite graph (default forms; n1 is a NETWORK, outside B unless asked for):
     *   f1 FEDERATION {lon,it}   members 0001 0002 0003
     *   j1 JOINT_COMMITTEE {lon} host 0001, participant 0002
     *   c2 COMPANY {avfall}      members 0001 0005
     *   r1 JOINT_COMMITTEE {halsa} host vgr (a region), participants 0002 0006 (illustrative)
     *   a1 AGREEMENT {va}        host 0003, participant 0004
     *   c1 COMPANY {avfall}      members 0004 0005
     *   n1 NETWORK {klimat}      participants 0001 0006
     *   0007 has nothing.
     * Distances from 0001: c2 f1 j1 = 1; 0002 0003 0005 = 2; a1 c1 r1 = 3; 0004 0006 vgr = 4.
     */
    private final CooperationData data = AnalysisTestData.data()
            .municipalities("0001", "0002", "0003", "0004", "0005", "0006", "0007")
            .region("vgr", "Västra Götalandsregionen")
            .area("lon", "STOD").area("it", "STOD").area("avfall", "SAMHALLSBYGGNAD").area("va", "SAMHALLSBYGGNAD")
            .area("halsa", "SOCIAL").area("klimat", "MILJO")
            .body("f1", Form.FEDERATION, b -> b.areas("lon", "it").members("0001", "0002", "0003").seat("0001"))
            .body("j1", Form.JOINT_COMMITTEE, b -> b.areas("lon").host("0001").participants("0002"))
            .body("c2", Form.COMPANY, b -> b.areas("avfall").members("0001", "0005"))
            .body("r1", Form.JOINT_COMMITTEE, b -> b.areas("halsa").host("vgr").participants("0002", "0006").illustrative())
            .body("a1", Form.AGREEMENT, b -> b.areas("va").host("0003").participants("0004"))
            .body("c1", Form.COMPANY, b -> b.areas("avfall").members("0004", "0005"))
            .body("n1", Form.NETWORK, b -> b.areas("klimat").participants("0001", "0006"))
            .build();

    @Test
    void depthOneIsTheEgosBodiesAndTheirParties() {
        EgoWeb web = analysis.analyse(data, new Query("0001", 1, null));

        assertThat(nodes(web)).extracting(Node::id, Node::distance, Node::type, Node::host).containsExactly(
                tuple("0001", 0, "municipality", true),    // hosts j1, which is shown
                tuple("c2", 1, "body", false),
                tuple("f1", 1, "body", false),
                tuple("j1", 1, "body", false),
                tuple("0002", 2, "municipality", false),
                tuple("0003", 2, "municipality", false),  // hosts a1, but a1 is 3 steps away: not shown
                tuple("0005", 2, "municipality", false));
        assertThat(nodes(web)).filteredOn(n -> n.id().equals("f1")).singleElement()
                .satisfies(n -> {
                    assertThat(n.form()).isEqualTo(Form.FEDERATION);
                    assertThat(n.areas()).containsExactly("it", "lon");
                    assertThat(n.label()).isEqualTo("Body f1");
                });
        // 7 edges: every party row between two shown vertices.
        assertThat(edges(web)).extracting(Edge::source, Edge::target, Edge::role).containsExactly(
                tuple("0001", "c2", PartyRole.MEMBER), tuple("0001", "f1", PartyRole.MEMBER), tuple("0001", "j1", PartyRole.HOST),
                tuple("0002", "f1", PartyRole.MEMBER), tuple("0002", "j1", PartyRole.PARTICIPANT),
                tuple("0003", "f1", PartyRole.MEMBER), tuple("0005", "c2", PartyRole.MEMBER));
    }

    @Test
    void partnersAreWeightedAndMultiplexSortedByWeightThenId() {
        EgoWeb web = analysis.analyse(data, new Query("0001", 1, null));

        // 0002 shares f1 {lon,it} and j1 {lon}: w = 2, areas {it,lon} -> multiplexity 2.
        // 0003 shares f1 only: w = 1, multiplexity 2. 0005 shares c2 {avfall}: w = 1, multiplexity 1.
        // Tie at w = 1 broken by id: 0003 before 0005.
        assertThat(web.partners()).extracting(Partner::id, Partner::weight, Partner::multiplexity, Partner::sharedBodies)
                .containsExactly(
                        tuple("0002", 2, 2, List.of("f1", "j1")),
                        tuple("0003", 1, 2, List.of("f1")),
                        tuple("0005", 1, 1, List.of("c2")));
    }

    @Test
    void depthTwoReachesFourSteps() {
        EgoWeb web = analysis.analyse(data, new Query("0001", 2, null));

        assertThat(nodes(web)).extracting(Node::id).containsExactly(
                "0001", "c2", "f1", "j1", "0002", "0003", "0005", "a1", "c1", "r1", "0004", "0006", "vgr");
        // 7 edges of depth 1 + r1 (vgr, 0002, 0006) + a1 (0003, 0004) + c1 (0004, 0005) = 14.
        assertThat(edges(web)).hasSize(14);
        assertThat(nodes(web)).filteredOn(n -> n.id().equals("vgr")).singleElement()
                .satisfies(n -> {
                    assertThat(n.type()).isEqualTo("region");
                    assertThat(n.host()).isTrue();
                    assertThat(n.label()).isEqualTo("Västra Götalandsregionen");
                });
        assertThat(nodes(web)).filteredOn(n -> n.id().equals("0003")).singleElement()
                .extracting(Node::host).isEqualTo(true); // a1 is shown now
        assertThat(nodes(web)).filteredOn(n -> n.id().equals("r1")).singleElement()
                .extracting(Node::illustrative).isEqualTo(true);
        assertThat(edges(web)).filteredOn(e -> e.target().equals("r1")).extracting(Edge::illustrative)
                .containsOnly(true);
        // The network is outside B by default: 0006 is only reached through r1, at 4 steps.
        assertThat(nodes(web)).extracting(Node::id).doesNotContain("n1");
        // Partners stay the direct ones whatever the depth.
        assertThat(web.partners()).extracting(Partner::id).containsExactly("0002", "0003", "0005");
    }

    @Test
    void chosenFormsDecideWhatIsInTheWeb() {
        EgoWeb web = analysis.analyse(data, new Query("0001", 1, EnumSet.of(Form.NETWORK, Form.COMPANY)));

        // B = {c1, c2, n1}: from 0001 -> c2, n1 -> 0005, 0006.
        assertThat(nodes(web)).extracting(Node::id).containsExactly("0001", "c2", "n1", "0005", "0006");
        assertThat(web.forms()).containsExactly(Form.COMPANY, Form.NETWORK);
        assertThat(web.partners()).extracting(Partner::id, Partner::weight, Partner::multiplexity)
                .containsExactly(tuple("0005", 1, 1), tuple("0006", 1, 1));
    }

    @Test
    void municipalityWithoutCooperationIsAloneAndWithoutPartners() {
        EgoWeb web = analysis.analyse(data, new Query("0007", 2, null));

        assertThat(nodes(web)).extracting(Node::id, Node::distance).containsExactly(tuple("0007", 0));
        assertThat(web.edges()).isEmpty();
        assertThat(web.partners()).isEmpty();
    }

    @Test
    void badQueriesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new Query("0001", 3, null)).hasMessageContaining("depth must be 1 or 2");
        assertThatThrownBy(() -> analysis.analyse(data, new Query("9999", 1, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9999");
    }

    @Test
    void multiplexityHelperCountsDistinctAreasOfSharedBodies() {
        ActorProjection p = ActorProjection.of(data, Form.DEFAULT_ANALYSIS_FORMS);
        // 0002 and 0006 share r1 {halsa}: 1. 0001 and 0002 share f1 {lon,it} and j1 {lon}: 2 distinct.
        assertThat(PartnerWeights.multiplexity(p, "0002", "0006")).isEqualTo(1);
        assertThat(PartnerWeights.multiplexity(p, "0001", "0002")).isEqualTo(2);
        assertThat(PartnerWeights.multiplexity(p, "0001", "0004")).isZero();
    }

    /**
     * 0002 takes part in h1 and later hosts it as well (a host change keeps the old row): one step in B, two edges in
     * the body's order, one shared body. An agency and a network take part too; neither is in B, so neither shows.
     */
    @Test
    void aPartyWithTwoRowsInOneBodyIsOneStepAndTwoEdgesInTheBodysOrder() {
        CooperationData twice = AnalysisTestData.data().municipalities("0001", "0002")
                .actor("agency", ActorKind.AGENCY).area("lon", "STOD")
                .body("n9", Form.NETWORK, b -> b.areas("lon").participants("0001"))
                .body("h1", Form.JOINT_COMMITTEE, b -> b.areas("lon").participants("0002", "0001", "agency", "n9")
                        .host("0002"))
                .build();
        EgoWeb web = analysis.analyse(twice, new Query("0001", 2, null));

        assertThat(nodes(web)).extracting(Node::id, Node::distance, Node::type, Node::host).containsExactly(
                tuple("0001", 0, "municipality", false), tuple("h1", 1, "body", false),
                tuple("0002", 2, "municipality", true));
        assertThat(edges(web)).extracting(Edge::source, Edge::target, Edge::role).containsExactly(
                tuple("0001", "h1", PartyRole.PARTICIPANT),
                tuple("0002", "h1", PartyRole.PARTICIPANT), tuple("0002", "h1", PartyRole.HOST));
        assertThat(web.partners()).extracting(Partner::id, Partner::weight, Partner::sharedBodies)
                .containsExactly(tuple("0002", 1, List.of("h1")));
        assertThat(ActorProjection.of(twice, Form.DEFAULT_ANALYSIS_FORMS).bipartite().edgeCount()).isEqualTo(2);
    }

    private static List<Node> nodes(EgoWeb web) {
        return web.nodes().stream().map(Element::data).toList();
    }

    private static List<Edge> edges(EgoWeb web) {
        return web.edges().stream().map(Element::data).toList();
    }
}
