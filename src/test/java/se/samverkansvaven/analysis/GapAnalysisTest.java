package se.samverkansvaven.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.util.EnumSet;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import se.samverkansvaven.analysis.GapAnalysis.DistanceBasis;
import se.samverkansvaven.analysis.GapAnalysis.Gap;
import se.samverkansvaven.analysis.GapAnalysis.Gaps;
import se.samverkansvaven.analysis.GapAnalysis.HostOption;
import se.samverkansvaven.analysis.GapAnalysis.JoinOption;
import se.samverkansvaven.analysis.GapAnalysis.Query;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;

class GapAnalysisTest {

    private static final Offset<Double> KM = offset(1e-9);
    /** One tenth of a degree of latitude on one meridian: 6371 · 0.1 · π/180 km. */
    private static final double TENTH = 6371.0 * Math.toRadians(0.1); // 11.119492664455873

    private final GapAnalysis analysis = new GapAnalysis();

    /*
     * All centroids on longitude 12; latitude decides distance (0.1° = 11.1195 km):
     *   0001 57.0 (m), 0002 57.1, 0003 57.2, 0004 56.9, 0005 57.4, 0006 57.6, 0007 56.5, 0008 56.8, 0009 57.3
     * BORDERS: 0001-0002, 0001-0003, 0001-0004, 0002-0004, 0004-0008.
     * Bodies covering lon:
     *   f1 FEDERATION       members 0002 0003 0009, seat 0009
     *   j1 JOINT_COMMITTEE  host 0005, participant 0003
     *   c1 COMPANY          member 0002
     *   r1 JOINT_COMMITTEE  host vgr (a region), participants 0003 0009
     *   a2 AGREEMENT        host 0006, participant 0007
     * Covering it: c2 COMPANY members 0001 0002.
     * lon is covered by 0002 0003 0005 0006 0007 0009 (and vgr); it by 0001 0002.
     */
    private final CooperationData data = AnalysisTestData.data()
            .municipality("0001", 57.0).municipality("0002", 57.1).municipality("0003", 57.2)
            .municipality("0004", 56.9).municipality("0005", 57.4).municipality("0006", 57.6)
            .municipality("0007", 56.5).municipality("0008", 56.8).municipality("0009", 57.3)
            .borders("0001", "0002").borders("0001", "0003").borders("0001", "0004")
            .borders("0002", "0004").borders("0004", "0008")
            .region("vgr", "VGR")
            .area("lon", "STOD").area("it", "STOD")
            .body("f1", Form.FEDERATION, b -> b.name("Lönförbundet").areas("lon").members("0002", "0003", "0009").seat("0009"))
            .body("j1", Form.JOINT_COMMITTEE, b -> b.areas("lon").host("0005").participants("0003"))
            .body("c1", Form.COMPANY, b -> b.areas("lon").members("0002"))
            .body("r1", Form.JOINT_COMMITTEE, b -> b.areas("lon").host("vgr").participants("0003", "0009"))
            .body("a2", Form.AGREEMENT, b -> b.areas("lon").host("0006").participants("0007"))
            .body("c2", Form.COMPANY, b -> b.areas("it").members("0001", "0002"))
            .build();

    @Test
    void gapsAndTheirStrength() {
        Gaps r = analysis.analyse(data, Query.all());

        // lon: 0001 lacks it, neighbours 0002 0003 (cover) 0004 (not) -> 2/3
        //      0004 lacks it, neighbours 0001 0008 (not) 0002 (covers)  -> 1/3
        //      0008 lacks it but its only neighbour 0004 does not cover: no gap
        // it:  0003 lacks it, its only neighbour 0001 covers             -> 1
        //      0004 lacks it, neighbours 0001 0002 cover, 0008 not        -> 2/3
        // order: strength desc, code, area
        assertThat(r.gaps()).extracting(Gap::code, Gap::area, Gap::neighbours, Gap::coveringNeighbours)
                .containsExactly(
                        tuple("0003", "it", 1, List.of("0001")),
                        tuple("0001", "lon", 3, List.of("0002", "0003")),
                        tuple("0004", "it", 3, List.of("0001", "0002")),
                        tuple("0004", "lon", 3, List.of("0002")));
        assertThat(r.gaps()).extracting(Gap::strength).containsExactly(1.0, 2.0 / 3, 2.0 / 3, 1.0 / 3);
        assertThat(r.maxKm()).isEqualTo(50.0);
    }

    /** The gaps without options, for several areas from one coverage pass: the same gaps as above, by area. */
    @Test
    void whichMunicipalitiesHaveAGapInEachArea() {
        var coverage = AreaCoverage.byParty(data.bodies().values(), Form.DEFAULT_ANALYSIS_FORMS);
        assertThat(GapAnalysis.municipalitiesWithGap(data, Form.DEFAULT_ANALYSIS_FORMS, coverage, List.of("it", "lon")))
                .containsExactly(java.util.Map.entry("it", new java.util.TreeSet<>(List.of("0003", "0004"))),
                        java.util.Map.entry("lon", new java.util.TreeSet<>(List.of("0001", "0004"))));
        assertThat(GapAnalysis.municipalitiesWithGap(data, null, "lon")).containsExactly("0001", "0004");
    }

    @Test
    void aLimitAnswersTheFirstGapsWithTheirOptionsAndCountsTheRest() {
        Gaps every = analysis.analyse(data, Query.all());
        assertThat(every.gapsTotal()).isNull(); // not limited: every gap, no count
        // the first two of the four above (0003 it, 0001 lon), options and all
        Gaps first = analysis.analyse(data, new Query(null, null, null, null, 2));
        assertThat(first.gaps()).containsExactlyElementsOf(every.gaps().subList(0, 2));
        assertThat(first.gapsTotal()).isEqualTo(4);
        Gaps all = analysis.analyse(data, new Query(null, null, null, null, 10));
        assertThat(all.gaps()).isEqualTo(every.gaps());
        assertThat(all.gapsTotal()).isEqualTo(4);
        assertThatThrownBy(() -> new Query(null, null, null, null, 0)).hasMessageContaining("limit");
    }

    @Test
    void aGapWithAllThreeKindsOfOption() {
        Gap g = single(analysis.analyse(data, new Query("lon", "0001", null, null)));

        // JOIN: f1 has 2 bordering parties (0002 0003) -> first; then 1 each, by distance:
        //   c1: no host, no seat -> nearest party 0002, 0.1° = 11.12 km
        //   r1: host is a region (no centroid), no seat -> nearest party 0003 (0.2°) not 0009 (0.3°) = 22.24 km
        //   j1: host 0005, 0.4° = 44.48 km
        //   a2: parties 0006 0007 do not border 0001 -> not offered
        assertThat(g.join()).extracting(JoinOption::rank, JoinOption::body, JoinOption::borderingParties,
                        JoinOption::distanceBasis, JoinOption::distanceTo)
                .containsExactly(
                        tuple(1, "f1", List.of("0002", "0003"), DistanceBasis.SEAT, "0009"),
                        tuple(2, "c1", List.of("0002"), DistanceBasis.NEAREST_PARTY, "0002"),
                        tuple(3, "r1", List.of("0003"), DistanceBasis.NEAREST_PARTY, "0003"),
                        tuple(4, "j1", List.of("0003"), DistanceBasis.HOST, "0005"));
        assertThat(g.join()).extracting(JoinOption::distanceKm).satisfiesExactly(
                d -> assertThat(d).isCloseTo(3 * TENTH, KM),
                d -> assertThat(d).isCloseTo(TENTH, KM),
                d -> assertThat(d).isCloseTo(2 * TENTH, KM),
                d -> assertThat(d).isCloseTo(4 * TENTH, KM));
        // 3 · 11.1195 = 33.36 km
        assertThat(g.join().get(0).reasonSv())
                .isEqualTo("Anslut till Lönförbundet (kommunalförbund): 2 grannkommuner är redan parter (M0002, M0003)."
                        + " Sätet M0009 ligger 33,4 km bort.");
        assertThat(g.join().get(0).reasonEn())
                .isEqualTo("Join Lönförbundet (federation): 2 neighbouring municipalities are already parties (M0002, M0003)."
                        + " The seat M0009 is 33.4 km away.");

        // HOST within 50 km: 0005 hosts j1 at 44.48 km; 0006 (a2) is 0.6° = 66.72 km away; vgr is no municipality
        assertThat(g.host()).extracting(HostOption::rank, HostOption::code, HostOption::bodies)
                .containsExactly(tuple(1, "0005", List.of("j1")));
        assertThat(g.host().get(0).distanceKm()).isCloseTo(4 * TENTH, KM);
        assertThat(g.host().get(0).reasonSv()).contains("M0005 är redan värdkommun för Body j1 inom lon-sv", "44,5 km");
        assertThat(g.host().get(0).reasonEn()).contains("M0005 already hosts Body j1 for lon-en", "44.5 km");

        // START: 0001 and 0004 both lack lon and border each other
        assertThat(g.start().members()).containsExactly("0001", "0004");
        assertThat(g.start().reasonSv()).contains("lon-sv", "M0004").doesNotContain("M0001");
        assertThat(g.start().reasonEn()).contains("lon-en", "M0004");
    }

    @Test
    void widerRadiusAddsFartherHostsByDistance() {
        Gap g = single(analysis.analyse(data, new Query("lon", "0001", null, 70.0)));
        // 0005 at 44.48 km, 0006 at 66.72 km
        assertThat(g.host()).extracting(HostOption::code).containsExactly("0005", "0006");
    }

    @Test
    void aGapWithOnlyJoinAndStartAndOneWithOnlyJoin() {
        Gap lon = single(analysis.analyse(data, new Query("lon", "0004", null, null)));
        // JOIN via 0002 only: c1 nearest party 0002 at 0.2° = 22.24 km, f1 seat 0009 at 0.4° = 44.48 km
        assertThat(lon.join()).extracting(JoinOption::body).containsExactly("c1", "f1");
        // HOST: 0005 is 0.5° = 55.6 km away, beyond 50
        assertThat(lon.host()).isEmpty();
        assertThat(lon.start().members()).containsExactly("0001", "0004");

        Gap it = single(analysis.analyse(data, new Query("it", "0003", null, null)));
        // c2's parties 0001 (bordering) and 0002; nearest party to 0003 is 0002 (0.1°), not 0001 (0.2°)
        assertThat(it.join()).extracting(JoinOption::body, JoinOption::distanceTo).containsExactly(tuple("c2", "0002"));
        assertThat(it.join().get(0).distanceKm()).isCloseTo(TENTH, KM);
        assertThat(it.join().get(0).reasonSv()).contains("1 grannkommun är redan part (M0001)", "Närmaste part, M0002");
        assertThat(it.host()).isEmpty(); // a company has no host
        // 0003's only neighbour 0001 covers it: 0003 is alone with the gap -> no START
        assertThat(it.start()).isNull();
    }

    @Test
    void chosenFormsDecideCoverage() {
        Gaps r = analysis.analyse(data, new Query("lon", null, EnumSet.of(Form.COMPANY), null));
        // Only c1 (lon: 0002). 0001: neighbours 0002 0003 0004, 1 covers -> 1/3; 0004: 0001 0002 0008 -> 1/3;
        // 0003 now lacks lon too and borders only 0001, who does not cover it -> no gap.
        assertThat(r.gaps()).extracting(Gap::code, Gap::strength)
                .containsExactly(tuple("0001", 1.0 / 3), tuple("0004", 1.0 / 3));
        Gap g = r.gaps().get(0);
        assertThat(g.join()).extracting(JoinOption::body).containsExactly("c1");
        assertThat(g.host()).isEmpty(); // no joint committee or agreement among the forms
        assertThat(g.start().members()).containsExactly("0001", "0004");
    }

    @Test
    void noGapsWhereNobodyCoversAndBadInput() {
        assertThat(analysis.analyse(data, new Query("it", "0005", null, null)).gaps()).isEmpty();
        assertThatThrownBy(() -> analysis.analyse(data, new Query("nope", null, null, null))).hasMessageContaining("nope");
        assertThatThrownBy(() -> analysis.analyse(data, new Query(null, "4444", null, null))).hasMessageContaining("4444");
        assertThatThrownBy(() -> new Query(null, null, null, -1.0)).hasMessageContaining("maxKm");
    }

    /*
     * Coverage (domain.md item 8). BORDERS: 0001-0002, 0001-0003, 0001-0004, 0001-0006, 0002-0004, 0002-0003,
     * 0004-0005. Covered: 0001, 0002 (real rows), 0004 (an illustrative row); 0003, 0005, 0006 are not.
     *   f1 FEDERATION lon, members 0002 0007 (real)
     *   f2 COMPANY lon, member 0006 (illustrative)
     * lon is covered by 0002 (f1), 0006 (f2, only by an illustrative body), 0007.
     *   0001: covered, lacks lon. Neighbours 0002 (covers), 0003 (uncovered, no known body with lon: unknown),
     *         0004 (covered, lacks it: known), 0006 (uncovered but party to f2 covering lon: known, covers)
     *         -> 4 neighbours, 3 known, covering 0002 0006: strength 2/3; illustrative (0006 covers only via f2)
     *   0003: uncovered -> never a gap (fully covered data made it one: neighbours 0001 no, 0002 yes -> 1/2)
     *   0004: covered (illustrative row), lacks lon. Neighbours 0001 (known, lacks), 0002 (covers), 0005 (unknown)
     *         -> 3 neighbours, 2 known, strength 1/2; illustrative (its own coverage)
     *   0005: uncovered -> no gap
     * START for 0001: {0001, 0004} (covered, same gap, bordering); unknown apart: 0003 (by 0001), 0005 (by 0004).
     */
    private final CooperationData partial = AnalysisTestData.data()
            .municipality("0001", 57.0).municipality("0002", 57.1).municipality("0003", 56.9)
            .municipality("0004", 57.05).municipality("0005", 57.2).municipality("0006", 57.3)
            .municipality("0007", 57.4)
            .borders("0001", "0002").borders("0001", "0003").borders("0001", "0004").borders("0001", "0006")
            .borders("0002", "0004").borders("0002", "0003").borders("0004", "0005")
            .area("lon", "STOD")
            .body("f1", Form.FEDERATION, b -> b.areas("lon").members("0002", "0007"))
            .body("f2", Form.COMPANY, b -> b.areas("lon").members("0006").illustrative())
            .covered("0001").covered("0002", Form.FEDERATION, Form.JOINT_COMMITTEE, Form.AGREEMENT, Form.COMPANY,
                    Form.ASSOCIATION)
            .coveredIllustrative("0004")
            .build();

    @Test
    void onlyCoveredMunicipalitiesHaveGapsAndStrengthCountsKnownNeighbours() {
        Gaps r = analysis.analyse(partial, Query.all());
        assertThat(r.gaps()).extracting(Gap::code, Gap::neighbours, Gap::knownNeighbours, Gap::coveringNeighbours,
                        Gap::unknownNeighbours, Gap::strength, Gap::illustrative)
                .containsExactly(
                        tuple("0001", 4, 3, List.of("0002", "0006"), List.of("0003"), 2.0 / 3, true),
                        tuple("0004", 3, 2, List.of("0002"), List.of("0005"), 1.0 / 2, true));
        Gap g = r.gaps().get(0);
        assertThat(g.start().members()).containsExactly("0001", "0004");
        assertThat(g.start().unknown()).containsExactly("0003", "0005");
        assertThat(g.start().illustrative()).isTrue();
        assertThat(g.start().reasonEn()).contains("Of M0003, M0005 we do not know");
        // JOIN rests on known bodies, flagged by theirs: f1 real, f2 invented
        assertThat(g.join()).extracting(JoinOption::body, JoinOption::illustrative)
                .containsExactlyInAnyOrder(tuple("f1", false), tuple("f2", true));
        // Fully covered, the same bodies make 0003 a gap (1/2) and a START member: the old reading.
        Gaps old = analysis.analyse(AnalysisTestData.data()
                .municipality("0001", 57.0).municipality("0002", 57.1).municipality("0003", 56.9)
                .municipality("0004", 57.05).municipality("0005", 57.2).municipality("0006", 57.3)
                .municipality("0007", 57.4)
                .borders("0001", "0002").borders("0001", "0003").borders("0001", "0004").borders("0001", "0006")
                .borders("0002", "0004").borders("0002", "0003").borders("0004", "0005")
                .area("lon", "STOD")
                .body("f1", Form.FEDERATION, b -> b.areas("lon").members("0002", "0007"))
                .body("f2", Form.COMPANY, b -> b.areas("lon").members("0006"))
                .build(), Query.all());
        assertThat(old.gaps()).extracting(Gap::code, Gap::strength, Gap::illustrative)
                .containsExactly(tuple("0001", 2.0 / 4, false), tuple("0003", 1.0 / 2, false), tuple("0004", 1.0 / 3, false));
        assertThat(old.gaps().get(0).start().members()).containsExactly("0001", "0003", "0004");
        assertThat(old.gaps().get(0).start().unknown()).isEmpty();
    }

    @Test
    void withoutTheIllustrativeRowsTheGapRestsOnRealRowsOnly() {
        // f2 and 0004's coverage row gone: 0001's neighbours 0002 covers, 0003 0004 0006 unknown -> 1/1; 0004 is
        // no longer covered, so no START group.
        Gaps r = analysis.analyse(partial.withoutIllustrative(), Query.all());
        assertThat(r.gaps()).extracting(Gap::code, Gap::knownNeighbours, Gap::unknownNeighbours, Gap::strength,
                        Gap::illustrative)
                .containsExactly(tuple("0001", 1, List.of("0003", "0004", "0006"), 1.0, false));
        assertThat(r.gaps().get(0).start()).isNull();
        assertThat(r.gaps().get(0).join()).extracting(JoinOption::body, JoinOption::illustrative)
                .containsExactly(tuple("f1", false));
    }

    @Test
    void haversineMatchesAKnownDistance() {
        // Stockholm (59.3293, 18.0686) to Göteborg (57.7089, 11.9746), computed independently with Python's
        // math module and the same formula (R = 6371): 396.89241836757986 km.
        assertThat(GreatCircle.km(59.3293, 18.0686, 57.7089, 11.9746)).isCloseTo(396.89241836757986, KM);
        assertThat(GreatCircle.km(57.0, 12.0, 57.1, 12.0)).isCloseTo(TENTH, KM);
    }

    private static Gap single(Gaps gaps) {
        assertThat(gaps.gaps()).hasSize(1);
        return gaps.gaps().get(0);
    }
}
