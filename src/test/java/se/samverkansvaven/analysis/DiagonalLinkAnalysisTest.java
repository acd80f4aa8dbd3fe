package se.samverkansvaven.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.util.EnumSet;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import se.samverkansvaven.analysis.DiagonalLinkAnalysis.ConvenerShare;
import se.samverkansvaven.analysis.DiagonalLinkAnalysis.DiagonalLinks;
import se.samverkansvaven.analysis.DiagonalLinkAnalysis.NetworkPair;
import se.samverkansvaven.analysis.DiagonalLinkAnalysis.PairClass;
import se.samverkansvaven.analysis.DiagonalLinkAnalysis.Query;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.Level;

class DiagonalLinkAnalysisTest {

    private static final Offset<Double> EPS = offset(1e-12);
    // 1/ln 2 = 1.4426950408889634, 1/ln 3 = 0.9102392266268373, 1/ln 4 = 0.7213475204444817
    private static final double INV_LN2 = 1.4426950408889634;
    private static final double INV_LN3 = 0.9102392266268373;
    private static final double INV_LN4 = 0.7213475204444817;

    private final DiagonalLinkAnalysis analysis = new DiagonalLinkAnalysis();

    /*
     * Networks (sector, level): goals / areas / conveners / participating municipalities
     *   n1 (STOD, STRATEGIC):     goal klimat / area lon    / gr      / 0001 0002
     *   n2 (MILJO, OPERATIONAL):  goal drus   / area klimat / gr      / 0001
     *   n3 (MILJO, STRATEGIC):    goal klimat / area klimat / gr      / 0002
     *   n4 (SOCIAL, TACTICAL):    goal drus   / -           / gr skb  / 0003
     *   n5 (STOD, OPERATIONAL):   -           / area lon    / skb     / 0003
     *   n6 (STOD, STRATEGIC):     -           / -           / vgr     / 0002
     * Links: LINKED_WITH n1-n3 and n2-n3; initiative i1 has n2 as PARTICIPANT and n4 as CONVENER -> n2-n4.
     * Note goal "klimat" and area "klimat": different context vertices, so n1-n2 share no "klimat".
     *
     * Context degrees: goal:klimat 2 (n1 n3), goal:drus 2 (n2 n4), area:lon 2 (n1 n5), area:klimat 2 (n2 n3),
     *   convener:gr 4 (n1-n4), convener:skb 2 (n4 n5), convener:vgr 1,
     *   municipality:0001 2 (n1 n2), municipality:0002 3 (n1 n3 n6), municipality:0003 2 (n4 n5).
     */
    private final CooperationData data = AnalysisTestData.data()
            .municipalities("0001", "0002", "0003")
            .actor("gr", ActorKind.OTHER).actor("skb", ActorKind.OTHER).region("vgr", "VGR")
            .area("lon", "STOD").area("klimat", "MILJO")
            .body("n1", Form.NETWORK, b -> b.grid("STOD", Level.STRATEGIC).goals("klimat").areas("lon")
                    .conveners("gr").participants("0001", "0002"))
            .body("n2", Form.NETWORK, b -> b.grid("MILJO", Level.OPERATIONAL).goals("drus").areas("klimat")
                    .conveners("gr").participants("0001"))
            .body("n3", Form.NETWORK, b -> b.grid("MILJO", Level.STRATEGIC).goals("klimat").areas("klimat")
                    .conveners("gr").participants("0002"))
            .body("n4", Form.NETWORK, b -> b.grid("SOCIAL", Level.TACTICAL).goals("drus")
                    .conveners("gr", "skb").participants("0003"))
            .body("n5", Form.NETWORK, b -> b.grid("STOD", Level.OPERATIONAL).areas("lon")
                    .conveners("skb").participants("0003"))
            .body("n6", Form.NETWORK, b -> b.grid("STOD", Level.STRATEGIC).conveners("vgr").participants("0002"))
            .body("i1", Form.INITIATIVE, b -> b.participants("n2", "0001").conveners("n4"))
            .link("n1", "n3").link("n3", "n2")
            .build();

    @Test
    void unlinkedDiagonalPairsBestFirstWithTheirExplanation() {
        DiagonalLinks r = analysis.analyse(data, Query.diagonal());

        // DIAGONAL pairs: n1-n2, n1-n4, n2-n4 (linked via i1), n3-n4, n3-n5 (nothing shared), n4-n5,
        //   n2-n6 and n4-n6 (nothing shared).
        // n4-n5: skb (2) + 0003 (2)   = 2/ln2          = 2.885390081777927, triadic: n4{n2} ∩ n5{} = 0
        // n1-n2: gr (4) + 0001 (2)    = 1/ln4 + 1/ln2  = 2.164042561333445, triadic: n1{n3} ∩ n2{n3,n4} = 1
        // n1-n4: gr (4)               = 1/ln4          = 0.7213475204444817, triadic: n1{n3} ∩ n4{n2} = 0
        // n3-n4: gr (4)               = 1/ln4, tie with n1-n4 -> by id, triadic: n3{n1,n2} ∩ n4{n2} = 1
        assertThat(r.networks()).isEqualTo(6);
        assertThat(r.classes()).containsExactly(PairClass.DIAGONAL);
        assertThat(r.pairs()).extracting(p -> p.a().id(), p -> p.b().id(), NetworkPair::triadic).containsExactly(
                tuple("n4", "n5", 0), tuple("n1", "n2", 1), tuple("n1", "n4", 0), tuple("n3", "n4", 1));
        assertThat(r.pairs()).extracting(NetworkPair::score).satisfiesExactly(
                s -> assertThat(s).isCloseTo(2 * INV_LN2, EPS),
                s -> assertThat(s).isCloseTo(INV_LN4 + INV_LN2, EPS),
                s -> assertThat(s).isCloseTo(INV_LN4, EPS),
                s -> assertThat(s).isCloseTo(INV_LN4, EPS));

        NetworkPair n1n2 = r.pairs().get(1);
        assertThat(n1n2.pairClass()).isEqualTo(PairClass.DIAGONAL);
        assertThat(n1n2.sharedGoals()).isEmpty();          // n1's goal klimat is not n2's area klimat
        assertThat(n1n2.sharedAreas()).isEmpty();
        assertThat(n1n2.sharedConveners()).containsExactly("gr");
        assertThat(n1n2.sharedMunicipalities()).containsExactly("0001");
        assertThat(n1n2.a().sector()).isEqualTo("STOD");
        assertThat(n1n2.b().level()).isEqualTo(Level.OPERATIONAL);
    }

    @Test
    void otherClassesOnRequestIncludingSameCell() {
        DiagonalLinks r = analysis.analyse(data, new Query(EnumSet.allOf(PairClass.class)));

        // besides the four diagonal pairs:
        // n1-n5 VERTICAL:   area lon (2)          = 1/ln2 = 1.4427
        // n1-n6 SAME_CELL:  municipality 0002 (3) = 1/ln3 = 0.9102
        // n3-n6 HORIZONTAL: municipality 0002 (3) = 1/ln3, tie -> n1 before n3
        // n1-n3 and n2-n3 are linked; every other pair shares nothing.
        assertThat(r.pairs()).extracting(p -> p.a().id() + "-" + p.b().id(), NetworkPair::pairClass).containsExactly(
                tuple("n4-n5", PairClass.DIAGONAL), tuple("n1-n2", PairClass.DIAGONAL),
                tuple("n1-n5", PairClass.VERTICAL), tuple("n1-n6", PairClass.SAME_CELL),
                tuple("n3-n6", PairClass.HORIZONTAL), tuple("n1-n4", PairClass.DIAGONAL),
                tuple("n3-n4", PairClass.DIAGONAL));
        assertThat(r.pairs().get(2).score()).isCloseTo(INV_LN2, EPS);
        assertThat(r.pairs().get(2).sharedAreas()).containsExactly("lon");
        assertThat(r.pairs().get(3).score()).isCloseTo(INV_LN3, EPS);

        DiagonalLinks vertical = analysis.analyse(data, new Query(EnumSet.of(PairClass.VERTICAL)));
        assertThat(vertical.pairs()).extracting(p -> p.a().id() + "-" + p.b().id()).containsExactly("n1-n5");
    }

    @Test
    void aLimitKeepsTheFirstPairsInTheAnswersOrderAndCountsTheRest() {
        DiagonalLinks every = analysis.analyse(data, new Query(EnumSet.allOf(PairClass.class)));
        assertThat(every.pairsTotal()).isNull(); // not limited: every pair, no count
        // the first four of the seven above: the 1/ln3 tie n1-n6 / n3-n6 is broken by a, as without a limit
        DiagonalLinks first = analysis.analyse(data, new Query(EnumSet.allOf(PairClass.class), null, 4));
        assertThat(first.pairs()).containsExactlyElementsOf(every.pairs().subList(0, 4));
        assertThat(first.pairs()).extracting(p -> p.a().id() + "-" + p.b().id())
                .containsExactly("n4-n5", "n1-n2", "n1-n5", "n1-n6");
        assertThat(first.pairsTotal()).isEqualTo(7L);
        assertThat(first.conveners()).isEqualTo(every.conveners());
        DiagonalLinks all = analysis.analyse(data, new Query(EnumSet.allOf(PairClass.class), null, 100));
        assertThat(all.pairs()).isEqualTo(every.pairs());
        assertThat(all.pairsTotal()).isEqualTo(7L);
        assertThatThrownBy(() -> new Query(null, null, 0)).hasMessageContaining("limit");
    }

    @Test
    void convenerShareOfDiagonalPairsAlreadyLinked() {
        DiagonalLinks r = analysis.analyse(data, Query.diagonal());

        // gr convenes n1 n2 n3 n4: diagonal n1-n2, n1-n4, n2-n4, n3-n4 (n1-n3 horizontal, n2-n3 vertical);
        //   linked: n2-n4 -> 1/4. skb: n4-n5 diagonal, unlinked -> 0/1. vgr: n6 alone -> no pair, null.
        // n4 convenes initiative i1, not a network: not listed.
        assertThat(r.conveners()).extracting(ConvenerShare::convener, ConvenerShare::networks,
                        ConvenerShare::diagonalPairs, ConvenerShare::linkedPairs, ConvenerShare::share)
                .containsExactly(tuple("gr", 4, 4, 1, 0.25), tuple("skb", 2, 1, 0, 0.0), tuple("vgr", 1, 0, 0, null));
    }

    @Test
    void noNetworksNoPairs() {
        CooperationData empty = AnalysisTestData.data().municipalities("0001").area("lon", "STOD")
                .body("f1", Form.FEDERATION, b -> b.areas("lon").members("0001")).build();
        DiagonalLinks r = analysis.analyse(empty, Query.diagonal());
        assertThat(r.pairs()).isEmpty();
        assertThat(r.conveners()).isEmpty();
        assertThat(r.networks()).isZero();
    }

    @Test
    void linkingAPairRemovesItAndRaisesTheConvenerShare() {
        CooperationData more = AnalysisTestData.data()
                .municipalities("0001")
                .actor("gr", ActorKind.OTHER)
                .body("a", Form.NETWORK, b -> b.grid("STOD", Level.STRATEGIC).conveners("gr").participants("0001"))
                .body("b", Form.NETWORK, b -> b.grid("MILJO", Level.TACTICAL).conveners("gr").participants("0001"))
                .link("b", "a")
                .build();
        DiagonalLinks r = analysis.analyse(more, Query.diagonal());
        assertThat(r.pairs()).isEmpty();
        assertThat(r.conveners()).extracting(ConvenerShare::share).containsExactly(1.0);
    }

    /**
     * A web of 2,400 networks (above the size where the pair scan takes a second thread), analysed on one thread and on
     * two: the same answer, and every pair's score as an independent count gives it. The oracle intersects each pair's
     * context by name and adds 1/ln(deg z) in its own order, so it agrees within rounding, not bit for bit.
     */
    @Test
    void twoThreadsGiveTheAnswerOfOneAndOfABruteForceCount() {
        java.util.Random random = new java.util.Random(17);
        AnalysisTestData web = AnalysisTestData.data();
        String[] codes = java.util.stream.IntStream.range(0, 1500).mapToObj(i -> String.format("%04d", 1000 + i))
                .toArray(String[]::new);
        web.municipalities(codes);
        for (int c = 0; c < 600; c++) {
            web.actor("c" + c, ActorKind.OTHER);
        }
        String[] sectors = {"STOD", "MILJO", "SOCIAL", "SKOLA"};
        for (int a = 0; a < 300; a++) {
            web.area("a" + a, sectors[a % sectors.length]);
        }
        java.util.Map<String, java.util.Set<String>> context = new java.util.TreeMap<>();
        for (int n = 0; n < 2_400; n++) {
            String goal = "g" + random.nextInt(1000);
            String area = "a" + random.nextInt(300);
            String convener = "c" + random.nextInt(600);
            String m1 = codes[random.nextInt(codes.length)];
            String m2 = codes[(java.util.Arrays.asList(codes).indexOf(m1) + 1 + random.nextInt(codes.length - 1)) % codes.length];
            String sector = sectors[random.nextInt(sectors.length)];
            Level level = Level.values()[random.nextInt(Level.values().length)];
            String id = String.format("n%04d", n);
            web.body(id, Form.NETWORK, b -> b.grid(sector, level).goals(goal).areas(area).conveners(convener)
                    .participants(m1, m2));
            context.put(id, java.util.Set.of("goal:" + goal, "area:" + area, "convener:" + convener,
                    "municipality:" + m1, "municipality:" + m2));
        }
        for (int l = 0; l < 300; l++) {
            web.link(String.format("n%04d", random.nextInt(2_400)), String.format("n%04d", random.nextInt(2_400)));
        }
        CooperationData big = web.build();
        Query all = new Query(EnumSet.allOf(PairClass.class));

        DiagonalLinks one = new DiagonalLinkAnalysis().withParallelism(1).analyse(big, all);
        DiagonalLinks two = new DiagonalLinkAnalysis().withParallelism(2).analyse(big, all);
        assertThat(two).isEqualTo(one);
        DiagonalLinks first = new DiagonalLinkAnalysis().withParallelism(2)
                .analyse(big, new Query(EnumSet.allOf(PairClass.class), null, 500));
        assertThat(first.pairs()).isEqualTo(one.pairs().subList(0, 500));
        assertThat(first.pairsTotal()).isEqualTo(one.pairs().size());

        // brute force: every pair, its shared context by name, unlinked ones with a score above 0
        java.util.Map<String, Integer> degree = new java.util.HashMap<>();
        context.values().forEach(z -> z.forEach(name -> degree.merge(name, 1, Integer::sum)));
        List<String> ids = List.copyOf(context.keySet());
        List<java.util.Set<String>> contexts = List.copyOf(context.values());
        java.util.Set<Long> linked = new java.util.HashSet<>();
        big.links().forEach(link -> linked.add((long) ids.indexOf(link.a()) * ids.size() + ids.indexOf(link.b())));
        java.util.Map<Long, Double> expected = new java.util.HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                double score = 0;
                for (String z : contexts.get(i)) {
                    if (contexts.get(j).contains(z)) {
                        score += 1 / Math.log(degree.get(z));
                    }
                }
                if (score > 0 && !linked.contains((long) i * ids.size() + j)) {
                    expected.put((long) i * ids.size() + j, score);
                }
            }
        }
        assertThat(one.pairs()).hasSize(expected.size()).hasSizeGreaterThan(10_000);
        for (NetworkPair pair : one.pairs()) {
            long key = (long) ids.indexOf(pair.a().id()) * ids.size() + ids.indexOf(pair.b().id());
            assertThat(pair.score()).as(pair.a().id() + " " + pair.b().id()).isCloseTo(expected.get(key), EPS);
        }
    }
}
