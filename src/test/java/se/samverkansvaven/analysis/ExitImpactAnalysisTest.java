package se.samverkansvaven.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import se.samverkansvaven.analysis.ExitImpactAnalysis.BodyRef;
import se.samverkansvaven.analysis.ExitImpactAnalysis.CoverageLoss;
import se.samverkansvaven.analysis.ExitImpactAnalysis.ExitImpact;
import se.samverkansvaven.analysis.ExitImpactAnalysis.Query;
import se.samverkansvaven.analysis.ExitImpactAnalysis.RankChange;
import se.samverkansvaven.analysis.ExitImpactAnalysis.Leaving;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.graph.BrandesBetweenness.Distance;
import se.samverkansvaven.graph.BrandesBetweenness;

class ExitImpactAnalysisTest {

    private static final Offset<Double> EPS = offset(1e-12);

    private final ExitImpactAnalysis analysis = new ExitImpactAnalysis();

    /*
     *   j1 JOINT_COMMITTEE {lon}   host 0001, participants 0002 0003
     *   a1 AGREEMENT {it}          host 0002, participant 0001
     *   f1 FEDERATION {va}         members 0001 0004
     *   c1 COMPANY {avfall}        members 0004 0005
     *   r1 JOINT_COMMITTEE {halsa} host vgr (region), participants 0001 0006
     *   n1 NETWORK {klimat}        participants 0001 0003 (not in the default forms)
     * P before: 0001-0002 (w2), 0001-0003, 0002-0003, 0001-0004, 0004-0005, 0001-vgr, 0001-0006, vgr-0006.
     *   7 vertices, 1 component, articulation points 0001 and 0004.
     *   Betweenness (pairs through v): 0001 separates {0002,0003}, {0004,0005}, {0006,vgr}: 2·2·3 = 12 pairs;
     *   0004: 0005 with the 5 others = 5. Normalised × 2/(6·5): 0001 12/15 = .8, 0004 5/15 = 1/3, others 0.
     *   Ranks: 0001 1, 0004 2, the five others 3 (NetworkX 2.8 agrees: .8, .3333).
     */
    private final CooperationData data = AnalysisTestData.data()
            .municipalities("0001", "0002", "0003", "0004", "0005", "0006")
            .region("vgr", "VGR")
            .area("lon", "STOD").area("it", "STOD").area("va", "SAMHALLSBYGGNAD").area("avfall", "SAMHALLSBYGGNAD")
            .area("halsa", "SOCIAL").area("klimat", "MILJO")
            .body("j1", Form.JOINT_COMMITTEE, b -> b.areas("lon").host("0001").participants("0002", "0003"))
            .body("a1", Form.AGREEMENT, b -> b.areas("it").host("0002").participants("0001"))
            .body("f1", Form.FEDERATION, b -> b.areas("va").members("0001", "0004").seat("0001"))
            .body("c1", Form.COMPANY, b -> b.areas("avfall").members("0004", "0005"))
            .body("r1", Form.JOINT_COMMITTEE, b -> b.areas("halsa").host("vgr").participants("0001", "0006"))
            .body("n1", Form.NETWORK, b -> b.areas("klimat").participants("0001", "0003"))
            .build();

    @Test
    void leavingABodyItHostsEndsItForEveryone() {
        ExitImpact r = analysis.analyse(data, new Query("0001", Leaving.BODY, "j1", null));

        assertThat(r.bodiesLeft()).extracting(BodyRef::id).containsExactly("j1");
        assertThat(r.bodiesEnded()).extracting(BodyRef::id, BodyRef::form).containsExactly(tuple("j1", Form.JOINT_COMMITTEE));
        // j1 ends: 0001, 0002 and 0003 lose lon (0003's network n1 is outside B and covers klimat anyway)
        assertThat(r.areasLostByLeaver()).containsExactly("lon");
        assertThat(r.areasLostByOthers()).extracting(CoverageLoss::party, CoverageLoss::areas)
                .containsExactly(tuple("0002", List.of("lon")), tuple("0003", List.of("lon")));
        // P after: 0003 is gone (no body of B left); 6 vertices, still 1 component, cut points 0001 0004
        assertThat(r.actorsBefore()).isEqualTo(7);
        assertThat(r.actorsAfter()).isEqualTo(6);
        assertThat(r.componentsBefore()).isEqualTo(1);
        assertThat(r.componentsAfter()).isEqualTo(1);
        assertThat(r.componentChange()).isZero();
        assertThat(r.articulationPointsBefore()).containsExactly("0001", "0004");
        assertThat(r.articulationPointsGained()).isEmpty();
        assertThat(r.articulationPointsLost()).isEmpty();
        // after, n = 6: 0001 separates {0002}, {0004,0005}, {0006,vgr}: 2+2+4 = 8 pairs -> 8·2/(5·4) = .8;
        // 0004: 0005 with 4 others -> 4/10 = .4. Ranks unchanged for all but 0003: betweenness 0 before (no
        // broker role, no rank) and gone after.
        assertThat(r.rankChanges()).extracting(RankChange::code, RankChange::rankBefore, RankChange::rankAfter,
                        RankChange::brokerRoleBefore, RankChange::brokerRoleAfter)
                .containsExactly(tuple("0003", null, null, false, null));
        assertThat(r.splitOff()).isEmpty();
        assertThat(r.droppedOut()).extracting(ExitImpactAnalysis.Member::id).containsExactly("0003");
    }

    @Test
    void leavingEverythingSplitsPAndShiftsRanks() {
        ExitImpact r = analysis.analyse(data, new Query("0001", Leaving.ALL, null, null));

        // leaves j1 (ends, hosted), a1 (host 0002 stays), f1, r1 (host vgr stays); not n1 (a network)
        assertThat(r.bodiesLeft()).extracting(BodyRef::id).containsExactly("a1", "f1", "j1", "r1");
        assertThat(r.bodiesEnded()).extracting(BodyRef::id).containsExactly("j1");
        assertThat(r.areasLostByLeaver()).containsExactly("halsa", "it", "lon", "va");
        // 0002 keeps it (a1 goes on), loses lon; 0003 loses lon; 0004 keeps va (f1 goes on with 0004)
        assertThat(r.areasLostByOthers()).extracting(CoverageLoss::party, CoverageLoss::areas)
                .containsExactly(tuple("0002", List.of("lon")), tuple("0003", List.of("lon")));
        // P after: 0002 alone (a1), 0004-0005 (c1), vgr-0006 (r1) -> 5 vertices, 3 components, no cut point
        assertThat(r.actorsAfter()).isEqualTo(5);
        assertThat(r.componentsAfter()).isEqualTo(3);
        assertThat(r.componentChange()).isEqualTo(2);
        assertThat(r.articulationPointsAfter()).isEmpty();
        assertThat(r.articulationPointsLost()).containsExactly("0001", "0004");
        // all betweenness 0 after: nobody has a broker role, so no rank; 0002 0005 0006 had none before either
        // (betweenness 0: no rank, brokerRole false), so nothing shown changes for them. vgr is a region: not listed.
        assertThat(r.rankChanges()).extracting(RankChange::code, RankChange::rankBefore, RankChange::rankAfter,
                        RankChange::brokerRoleBefore, RankChange::brokerRoleAfter)
                .containsExactly(tuple("0001", 1, null, true, null), tuple("0003", null, null, false, null),
                        tuple("0004", 2, null, true, false));
        // who is cut off: P fell into {0002}, {0004,0005}, {0006,vgr}; the largest piece {0004,0005} (a tie of
        // two, the lowest id first) goes on, the others split off, largest first; 0003 is out of P
        assertThat(r.splitOff()).extracting(s -> s.members().stream().map(ExitImpactAnalysis.Member::id).toList())
                .containsExactly(List.of("0006", "vgr"), List.of("0002"));
        assertThat(r.splitOff().get(0).members().get(1).label()).isEqualTo("VGR");
        assertThat(r.droppedOut()).extracting(ExitImpactAnalysis.Member::id).containsExactly("0003");
        RankChange r0004 = r.rankChanges().get(2);
        assertThat(r0004.betweennessBefore()).isCloseTo(1.0 / 3, EPS);
        assertThat(r0004.betweennessAfter()).isCloseTo(0.0, EPS);
        assertThat(r.rankChanges().get(0).betweennessBefore()).isCloseTo(0.8, EPS);
    }

    @Test
    void leavingAnAreaWhereARegionHostsEndsNothingButSplitsAComponent() {
        ExitImpact r = analysis.analyse(data, new Query("0001", Leaving.AREA, "halsa", null));

        // r1 is hosted by vgr: 0001 leaves, r1 goes on with vgr and 0006
        assertThat(r.bodiesLeft()).extracting(BodyRef::id).containsExactly("r1");
        assertThat(r.bodiesEnded()).isEmpty();
        assertThat(r.areasLostByLeaver()).containsExactly("halsa");
        assertThat(r.areasLostByOthers()).isEmpty();
        // edges 0001-vgr and 0001-0006 go: {vgr,0006} splits off -> 1 -> 2 components
        assertThat(r.componentsAfter()).isEqualTo(2);
        assertThat(r.splitOff()).singleElement().satisfies(piece -> {
            assertThat(piece.size()).isEqualTo(2);
            assertThat(piece.members()).extracting(ExitImpactAnalysis.Member::id).containsExactly("0006", "vgr");
            assertThat(piece.illustrative()).isFalse();
        });
        // after, n = 7: 0001 separates {0002,0003} and {0004,0005}: 4 pairs, 4·2/30 = 4/15; 0004: 0005 with
        //   0001 0002 0003 = 3 pairs -> 3/15. Ranks 0001 1, 0004 2, others 3: unchanged.
        assertThat(r.articulationPointsAfter()).containsExactly("0001", "0004");
        assertThat(r.rankChanges()).isEmpty();
    }

    @Test
    void breakingACycleGainsArticulationPointsAndMovesRanks() {
        // Square of companies 0001-0002-0003-0004-0001. C4: each vertex lies on half of one opposite pair's
        // two shortest paths: 0.5 -> ×2/(3·2) = 1/6, all rank 1, no cut point.
        // 0001 leaves c41: path 0001-0002-0003-0004. 0002 on (1,3),(1,4); 0003 on (1,4),(2,4): 2 -> 2/3;
        // ends 0. Ranks 1 1 3 3 ("1133"): 0002 and 0003 stay 1; 0001 and 0004 lie on no shortest path any more:
        // no broker role, so no rank (not "3 of 4").
        CooperationData square = AnalysisTestData.data()
                .municipalities("0001", "0002", "0003", "0004")
                .area("avfall", "SAMHALLSBYGGNAD")
                .body("c12", Form.COMPANY, b -> b.areas("avfall").members("0001", "0002"))
                .body("c23", Form.COMPANY, b -> b.areas("avfall").members("0002", "0003"))
                .body("c34", Form.COMPANY, b -> b.areas("avfall").members("0003", "0004"))
                .body("c41", Form.COMPANY, b -> b.areas("avfall").members("0004", "0001"))
                .build();
        ExitImpact r = analysis.analyse(square, new Query("0001", Leaving.BODY, "c41", null));

        assertThat(r.bodiesEnded()).isEmpty();
        assertThat(r.areasLostByLeaver()).isEmpty(); // still covers avfall through c12
        assertThat(r.articulationPointsBefore()).isEmpty();
        assertThat(r.articulationPointsGained()).containsExactly("0002", "0003");
        assertThat(r.rankChanges()).extracting(RankChange::code, RankChange::rankBefore, RankChange::rankAfter,
                        RankChange::brokerRoleAfter)
                .containsExactly(tuple("0001", 1, null, false), tuple("0004", 1, null, false));
        assertThat(r.rankChanges().get(0).betweennessBefore()).isCloseTo(1.0 / 6, EPS);
        assertThat(new BrandesBetweenness(Distance.HOPS).compute(ActorProjection.of(square, Form.DEFAULT_ANALYSIS_FORMS).actors()))
                .containsOnly(new double[] {1.0 / 6}, EPS);
    }

    @Test
    void itemsRestingOnIllustrativeRowsSaySo() {
        // The square again, c12 invented. 0001 leaves c12: its loss of avfall? no, c41 still covers it: no loss.
        // bodiesLeft c12 (invented); rank changes as above mirrored: 0001 and 0002 lose their broker role;
        // 0001 and 0002 are parties of c12, so both rank rows rest on it; the answer rests on it as a whole.
        CooperationData square = AnalysisTestData.data()
                .municipalities("0001", "0002", "0003", "0004")
                .area("avfall", "SAMHALLSBYGGNAD")
                .body("c12", Form.COMPANY, b -> b.areas("avfall").members("0001", "0002").illustrative())
                .body("c23", Form.COMPANY, b -> b.areas("avfall").members("0002", "0003"))
                .body("c34", Form.COMPANY, b -> b.areas("avfall").members("0003", "0004"))
                .body("c41", Form.COMPANY, b -> b.areas("avfall").members("0004", "0001"))
                .build();
        ExitImpact r = analysis.analyse(square, new Query("0001", Leaving.BODY, "c12", null));
        assertThat(r.restsOnIllustrative()).isTrue();
        assertThat(r.bodiesLeft()).extracting(BodyRef::id, BodyRef::illustrative).containsExactly(tuple("c12", true));
        assertThat(r.rankChanges()).extracting(RankChange::code, RankChange::brokerRoleAfter, RankChange::illustrative)
                .containsExactly(tuple("0001", false, true), tuple("0002", false, true));
        // the same exit on real rows only: c12 is not there to leave
        ExitImpact real = analysis.analyse(square.withoutIllustrative(), new Query("0001", Leaving.BODY, "c41", null));
        assertThat(real.restsOnIllustrative()).isFalse();
        assertThat(real.rankChanges()).allSatisfy(c -> assertThat(c.illustrative()).isFalse());
    }

    @Test
    void competitionRanksTreatValuesWithin1e9AsTied() {
        // 1.0 first; .5 and .5 + 5e-10 tie at 2; .1 is 4th: "1224"
        Map<String, Integer> ranks = ExitImpactAnalysis.competitionRanks(
                Map.of("a", 1.0, "b", 0.5, "c", 0.5 + 5e-10, "d", 0.1));
        assertThat(ranks).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 2, "c", 2, "d", 4));
        // 2e-9 apart is not a tie
        assertThat(ExitImpactAnalysis.competitionRanks(Map.of("a", 0.5 + 2e-9, "b", 0.5)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 2));
    }

    @Test
    void badQueriesAreRefused() {
        assertThatThrownBy(() -> analysis.analyse(data, new Query("0005", Leaving.BODY, "j1", null)))
                .hasMessageContaining("not a party");
        assertThatThrownBy(() -> analysis.analyse(data, new Query("0001", Leaving.BODY, "n1", null)))
                .hasMessageContaining("NETWORK");
        assertThatThrownBy(() -> analysis.analyse(data, new Query("0001", Leaving.BODY, "zz", null)))
                .hasMessageContaining("zz");
        assertThatThrownBy(() -> analysis.analyse(data, new Query("0001", Leaving.AREA, "nope", null)))
                .hasMessageContaining("nope");
        assertThatThrownBy(() -> new Query("0001", Leaving.AREA, null, null)).hasMessageContaining("service area id");
        assertThatThrownBy(() -> analysis.analyse(data, new Query("8888", Leaving.ALL, null, null)))
                .hasMessageContaining("8888");
    }

    @Test
    void leavingAnAreaWithNoBodiesChangesNothing() {
        ExitImpact r = analysis.analyse(data, new Query("0005", Leaving.AREA, "lon", null));
        assertThat(r.bodiesLeft()).isEmpty();
        assertThat(r.areasLostByOthers()).isEmpty();
        assertThat(r.componentChange()).isZero();
        assertThat(r.rankChanges()).isEmpty();
    }

    /**
     * P after an exit, derived from P before ({@link ExitImpactAnalysis#afterExit}), is the P that
     * {@link ActorProjection#of} builds from the bodies after (m's rows taken out, the joint committees and agreements
     * m hosts ended), for every municipality and the region leaving everything and each area, on a random web with
     * shared bodies, regions as hosts and members, and parties listed twice.
     */
    @Test
    void pAfterTheExitIsPBuiltFromTheBodiesAfter() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        AnalysisTestData web = AnalysisTestData.data().region("vgr", "VGR").area("it", "STOD").area("va", "SAMHALLSBYGGNAD");
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            codes.add("%04d".formatted(i));
            web.municipalities(codes.getLast());
        }
        List<String> parties = new java.util.ArrayList<>(codes);
        parties.add("vgr");
        Form[] forms = {Form.JOINT_COMMITTEE, Form.AGREEMENT, Form.FEDERATION, Form.COMPANY, Form.NETWORK};
        for (int b = 0; b < 80; b++) {
            Form form = forms[random.nextInt(forms.length)];
            String[] some = new String[1 + random.nextInt(5)];
            for (int i = 0; i < some.length; i++) {
                some[i] = parties.get(random.nextInt(parties.size())); // repeats allowed: a party listed twice
            }
            String area = random.nextBoolean() ? "it" : "va";
            web.body("b%02d".formatted(b), form, spec -> {
                spec.areas(area);
                if (form.requiresHost()) {
                    spec.host(parties.get(random.nextInt(parties.size()))).participants(some);
                } else if (form == Form.NETWORK) {
                    spec.participants(some);
                } else {
                    spec.members(some);
                }
            });
        }
        CooperationData data = web.build();
        for (java.util.Set<Form> chosen : List.of(Form.DEFAULT_ANALYSIS_FORMS, java.util.Set.of(Form.JOINT_COMMITTEE, Form.NETWORK))) {
            ActorProjection before = ActorProjection.of(data, chosen);
            for (String m : parties) {
                for (String area : java.util.Arrays.asList(null, "it")) {
                    java.util.SortedMap<String, se.samverkansvaven.analysis.data.CooperationData.BodyInfo> after = new java.util.TreeMap<>();
                    List<se.samverkansvaven.analysis.data.CooperationData.BodyInfo> leaving = new java.util.ArrayList<>();
                    java.util.Set<String> ended = new java.util.HashSet<>();
                    data.bodies().forEach((id, body) -> {
                        if (!chosen.contains(body.form()) || !body.hasParty(m) || (area != null && !body.areas().contains(area))) {
                            after.put(id, body);
                            return;
                        }
                        leaving.add(body);
                        if (body.form().requiresHost() && body.partiesWithRole(se.samverkansvaven.body.PartyRole.HOST)
                                .anyMatch(p -> p.partyId().equals(m))) {
                            ended.add(id);
                        } else {
                            after.put(id, body.withParties(body.parties().stream().filter(p -> !p.partyId().equals(m)).toList()));
                        }
                    });
                    var expected = ActorProjection.of(data.withBodies(after), chosen).actors();
                    var derived = ExitImpactAnalysis.afterExit(before, leaving, ended, m);
                    String what = m + " leaving " + (area == null ? "everything" : area) + " of " + chosen;
                    assertThat(derived.vertexCount()).as(what).isEqualTo(expected.vertexCount());
                    assertThat(derived.edgeCount()).as(what).isEqualTo(expected.edgeCount());
                    for (int v = 0; v < expected.vertexCount(); v++) {
                        assertThat(derived.id(v)).as(what).isEqualTo(expected.id(v));
                        assertThat(derived.neighbours(v)).as(what).containsExactly(expected.neighbours(v));
                        for (int w : expected.neighbours(v)) {
                            assertThat(derived.weight(v, w)).as(what).isEqualTo(expected.weight(v, w));
                        }
                    }
                }
            }
        }
    }
}
