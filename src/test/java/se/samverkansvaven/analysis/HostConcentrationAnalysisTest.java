package se.samverkansvaven.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import se.samverkansvaven.analysis.HostConcentrationAnalysis.Dependency;
import se.samverkansvaven.analysis.HostConcentrationAnalysis.HostConcentration;
import se.samverkansvaven.analysis.HostConcentrationAnalysis.MunicipalityHosting;
import se.samverkansvaven.analysis.HostConcentrationAnalysis.Query;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;

class HostConcentrationAnalysisTest {

    private static final Offset<Double> EPS = offset(1e-12);
    private static final List<String> SCOPE = List.of("0004", "0003", "0002", "0001"); // order does not matter

    private final HostConcentrationAnalysis analysis = new HostConcentrationAnalysis();

    /*
     *   j1 JOINT_COMMITTEE {lon}   host 0001, participants 0002 0003
     *   j2 JOINT_COMMITTEE {it}    host 0001, participant 0002
     *   a1 AGREEMENT {va}          host 0001, participant 0003
     *   a2 AGREEMENT {lon}         host 0002, participant 0003
     *   r1 JOINT_COMMITTEE {halsa} host vgr (region), participants 0003 0004
     *   x1 AGREEMENT {lon}         host 0009 (outside the scope), participant 0003
     *   f1 FEDERATION {lon} seated in 0002; f2 FEDERATION {va} seated in 0004
     *   c1 COMPANY {lon} member 0001 (a member, not a host role)
     * Sectors: lon, it STOD; va SAMHALLSBYGGNAD; halsa SOCIAL.
     */
    private final CooperationData data = AnalysisTestData.data()
            .municipalities("0001", "0002", "0003", "0004", "0009")
            .region("vgr", "VGR")
            .area("lon", "STOD").area("it", "STOD").area("va", "SAMHALLSBYGGNAD").area("halsa", "SOCIAL")
            .body("j1", Form.JOINT_COMMITTEE, b -> b.areas("lon").host("0001").participants("0002", "0003"))
            .body("j2", Form.JOINT_COMMITTEE, b -> b.areas("it").host("0001").participants("0002"))
            .body("a1", Form.AGREEMENT, b -> b.areas("va").host("0001").participants("0003"))
            .body("a2", Form.AGREEMENT, b -> b.areas("lon").host("0002").participants("0003"))
            .body("r1", Form.JOINT_COMMITTEE, b -> b.areas("halsa").host("vgr").participants("0003", "0004"))
            .body("x1", Form.AGREEMENT, b -> b.areas("lon").host("0009").participants("0003"))
            .body("f1", Form.FEDERATION, b -> b.areas("lon").members("0001", "0002").seat("0002"))
            .body("f2", Form.FEDERATION, b -> b.areas("va").members("0003", "0004").seat("0004"))
            .body("c1", Form.COMPANY, b -> b.areas("lon").members("0001"))
            .build();

    @Test
    void figuresOverTheWholeScope() {
        HostConcentration r = analysis.analyse(data, new Query(SCOPE, null, null));

        // h = [3,1,0,0] (0001: j1 j2 a1; 0002: a2) -> Σh = 4, s = [.75,.25,0,0]
        // HHI = .5625 + .0625 = .625; HHI* = (.625 - .25)/.75 = .5; CR1 = .75; CR3 = (3+1+0)/4 = 1
        // Gini: Σ_i Σ_j |h_i - h_j| = 2·(2 + 3 + 3 + 1 + 1 + 0) = 20; G = 20 / (2·4·4) = .625
        assertThat(r.n()).isEqualTo(4);
        assertThat(r.hostRoles()).isEqualTo(4);
        assertThat(r.hostRolesOutsideScope()).isEqualTo(2); // r1 by vgr, x1 by 0009
        assertThat(r.hhi()).isCloseTo(0.625, EPS);
        assertThat(r.hhiNormalised()).isCloseTo(0.5, EPS);
        assertThat(r.cr1()).isCloseTo(0.75, EPS);
        assertThat(r.cr3()).isCloseTo(1.0, EPS);
        assertThat(r.gini()).isCloseTo(0.625, EPS);
        // seats beside, never in h: 0002 has f1 but still h = 1
        assertThat(r.seats()).isEqualTo(2);
        assertThat(r.municipalities()).extracting(MunicipalityHosting::code, MunicipalityHosting::hostRoles,
                        MunicipalityHosting::share, MunicipalityHosting::seats)
                .containsExactly(tuple("0001", 3, 0.75, 0), tuple("0002", 1, 0.25, 1),
                        tuple("0003", 0, 0.0, 0), tuple("0004", 0, 0.0, 1));
    }

    /*
     * The same bodies, a2 invented; covered for joint committees and agreements: 0002 0003 (real rows), 0004 (an
     * illustrative row). 0001 is not covered, though it hosts j1 j2 a1 (known facts).
     *   N = 3 (0002 0003 0004), h = [1 (a2), 0, 0], Σh = 1; 0001's 3 roles are reported apart.
     *   HHI = 1, HHI* = (1 − 1/3)/(1 − 1/3) = 1, CR1 = CR3 = 1
     *   Gini: ordered pairs |h_i − h_j| = 2·(1 + 1 + 0) = 4; G = 4/(2·3·1) = 2/3
     *   0003's dependency: j1 (0001), a1 (0001), a2 (0002), x1 (0009) -> 0001 hosts 2 of 4 = .5; a2 is invented
     */
    @Test
    void nIsTheCoveredMunicipalitiesAndAnUncoveredHostIsReportedApart() {
        CooperationData partial = AnalysisTestData.data()
                .municipalities("0001", "0002", "0003", "0004", "0009")
                .region("vgr", "VGR")
                .area("lon", "STOD").area("it", "STOD").area("va", "SAMHALLSBYGGNAD").area("halsa", "SOCIAL")
                .body("j1", Form.JOINT_COMMITTEE, b -> b.areas("lon").host("0001").participants("0002", "0003"))
                .body("j2", Form.JOINT_COMMITTEE, b -> b.areas("it").host("0001").participants("0002"))
                .body("a1", Form.AGREEMENT, b -> b.areas("va").host("0001").participants("0003"))
                .body("a2", Form.AGREEMENT, b -> b.areas("lon").host("0002").participants("0003").illustrative())
                .body("r1", Form.JOINT_COMMITTEE, b -> b.areas("halsa").host("vgr").participants("0003", "0004"))
                .body("x1", Form.AGREEMENT, b -> b.areas("lon").host("0009").participants("0003"))
                .covered("0002", Form.JOINT_COMMITTEE, Form.AGREEMENT).covered("0003")
                .coveredIllustrative("0004", Form.AGREEMENT, Form.JOINT_COMMITTEE)
                .build();
        HostConcentration r = analysis.analyse(partial, new Query(SCOPE, null, null));
        assertThat(r.n()).isEqualTo(3);
        assertThat(r.scopeSize()).isEqualTo(4);
        assertThat(r.notCoveredCount()).isEqualTo(1);
        assertThat(r.hostRoles()).isEqualTo(1);
        assertThat(r.hostRolesNotCovered()).isEqualTo(3);
        assertThat(r.hostRolesOutsideScope()).isEqualTo(2);
        assertThat(r.hhi()).isCloseTo(1.0, EPS);
        assertThat(r.hhiNormalised()).isCloseTo(1.0, EPS);
        assertThat(r.cr1()).isCloseTo(1.0, EPS);
        assertThat(r.cr3()).isCloseTo(1.0, EPS);
        assertThat(r.gini()).isCloseTo(2.0 / 3, EPS);
        assertThat(r.illustrative()).isTrue();
        assertThat(r.municipalities()).extracting(MunicipalityHosting::code, MunicipalityHosting::covered,
                        MunicipalityHosting::hostRoles, MunicipalityHosting::share, MunicipalityHosting::illustrative)
                .containsExactly(tuple("0002", true, 1, 1.0, true), tuple("0003", true, 0, 0.0, false),
                        tuple("0004", true, 0, 0.0, true), tuple("0001", false, 3, null, false));
        assertThat(row(r, "0003").dependency()).isEqualTo(new Dependency("0001", "M0001", 2, 4, 0.5, true));
        assertThat(row(r, "0001").dependency()).isNull();

        // Nobody covered: N = 0, every figure null, the roles still reported.
        HostConcentration none = analysis.analyse(AnalysisTestData.data().municipalities("0001", "0002")
                .body("j1", Form.JOINT_COMMITTEE, b -> b.host("0001").participants("0002")).noCoverage().build(),
                new Query(List.of("0001", "0002"), null, null));
        assertThat(none.n()).isZero();
        assertThat(none.hostRolesNotCovered()).isEqualTo(1);
        assertThat(List.of(none.hhi() == null, none.gini() == null, none.cr1() == null)).containsOnly(true);
    }

    @Test
    void dependencyCountsBodiesHostedByOtherMunicipalitiesInOrOutsideTheScopeButNotByARegion() {
        HostConcentration r = analysis.analyse(data, new Query(SCOPE, null, null));

        // 0003 participates in j1 (0001), a1 (0001), a2 (0002), x1 (0009), r1 (vgr, a region: not counted)
        // -> 4 bodies, 0001 hosts 2 of them: share 2/4 = .5
        assertThat(row(r, "0003").dependency()).isEqualTo(new Dependency("0001", "M0001", 2, 4, 0.5, false));
        // 0002 participates in j1 and j2, both by 0001: 2/2
        assertThat(row(r, "0002").dependency()).isEqualTo(new Dependency("0001", "M0001", 2, 2, 1.0, false));
        // 0004 only in r1, hosted by the region: no dependency. 0001 is never a participant.
        assertThat(row(r, "0004").dependency()).isNull();
        assertThat(row(r, "0001").dependency()).isNull();
    }

    @Test
    void areaFilterAppliesToHostRolesSeatsAndDependencyAndTiesGoToTheLowestCode() {
        HostConcentration r = analysis.analyse(data, new Query(SCOPE, "lon", null));

        // lon bodies: j1 (0001), a2 (0002), x1 (0009, outside), f1 (seat 0002), c1 (no host)
        // h = [1,1,0,0], Σh = 2, s = [.5,.5,0,0]; HHI = .5; HHI* = (.5 - .25)/.75 = 1/3
        // CR1 = .5, CR3 = 1; Gini: unordered |diffs| = 1·4 (each host with each non-host) -> 8/(2·4·2) = .5
        assertThat(r.hostRoles()).isEqualTo(2);
        assertThat(r.hostRolesOutsideScope()).isEqualTo(1);
        assertThat(r.hhi()).isCloseTo(0.5, EPS);
        assertThat(r.hhiNormalised()).isCloseTo(1.0 / 3.0, EPS);
        assertThat(r.cr1()).isCloseTo(0.5, EPS);
        assertThat(r.cr3()).isCloseTo(1.0, EPS);
        assertThat(r.gini()).isCloseTo(0.5, EPS);
        assertThat(r.seats()).isEqualTo(1); // f2 covers va: filtered out
        assertThat(row(r, "0004").seats()).isZero();
        assertThat(r.municipalities()).extracting(MunicipalityHosting::code).containsExactly("0001", "0002", "0003", "0004");
        // 0003 in j1 (0001), a2 (0002), x1 (0009): one each -> tie -> lowest code 0001, 1/3
        Dependency d = row(r, "0003").dependency();
        assertThat(d.host()).isEqualTo("0001");
        assertThat(d.hostedByHost()).isEqualTo(1);
        assertThat(d.participations()).isEqualTo(3);
        assertThat(d.share()).isCloseTo(1.0 / 3.0, EPS);
    }

    @Test
    void sectorFilterUsesTheBodysSectors() {
        HostConcentration r = analysis.analyse(data, new Query(SCOPE, null, "SAMHALLSBYGGNAD"));

        // a1 (host 0001) and f2 (seat 0004): h = [1,0,0,0] -> HHI = 1, HHI* = (1 - .25)/.75 = 1
        // Gini = 2·3·1 / (2·4·1) = .75, the maximum (N-1)/N
        assertThat(r.hostRoles()).isEqualTo(1);
        assertThat(r.hhi()).isCloseTo(1.0, EPS);
        assertThat(r.hhiNormalised()).isCloseTo(1.0, EPS);
        assertThat(r.gini()).isCloseTo(0.75, EPS);
        assertThat(r.seats()).isEqualTo(1);
        assertThat(row(r, "0003").dependency()).isEqualTo(new Dependency("0001", "M0001", 1, 1, 1.0, false));
        assertThat(row(r, "0002").dependency()).isNull(); // j1, j2 are STOD
    }

    @Test
    void onlyARegionHostsInTheFilterSoEveryFigureIsNull() {
        HostConcentration r = analysis.analyse(data, new Query(SCOPE, null, "SOCIAL"));

        // r1 is hosted by vgr: Σh over the scope = 0
        assertThat(r.hostRoles()).isZero();
        assertThat(r.hostRolesOutsideScope()).isEqualTo(1);
        assertThat(r.hhi()).isNull();
        assertThat(r.hhiNormalised()).isNull();
        assertThat(r.cr1()).isNull();
        assertThat(r.cr3()).isNull();
        assertThat(r.gini()).isNull();
        assertThat(r.municipalities()).extracting(MunicipalityHosting::share).containsOnlyNulls();
        assertThat(r.municipalities()).extracting(MunicipalityHosting::dependency).containsOnlyNulls();
    }

    @Test
    void scopeOfOneIsFullyConcentratedOrNull() {
        HostConcentration one = analysis.analyse(data, new Query(List.of("0001"), null, null));
        // N = 1, h = [3]: HHI = 1, HHI* defined as 1, Gini 0, CR1 = CR3 = 1; a2, r1, x1 are hosted outside
        assertThat(one.hhi()).isCloseTo(1.0, EPS);
        assertThat(one.hhiNormalised()).isCloseTo(1.0, EPS);
        assertThat(one.gini()).isCloseTo(0.0, EPS);
        assertThat(one.cr3()).isCloseTo(1.0, EPS);
        assertThat(one.hostRolesOutsideScope()).isEqualTo(3);

        HostConcentration none = analysis.analyse(data, new Query(List.of("0003"), null, null));
        assertThat(none.hhiNormalised()).isNull();
        assertThat(none.gini()).isNull();
    }

    @Test
    void badQueriesAreRefused() {
        assertThatThrownBy(() -> analysis.analyse(data, new Query(List.of("0001", "7777"), null, null)))
                .hasMessageContaining("7777");
        assertThatThrownBy(() -> analysis.analyse(data, new Query(SCOPE, "nope", null))).hasMessageContaining("nope");
        assertThatThrownBy(() -> analysis.analyse(data, new Query(SCOPE, null, "NOPE"))).hasMessageContaining("NOPE");
        assertThatThrownBy(() -> new Query(SCOPE, "lon", "STOD")).hasMessageContaining("not both");
        assertThatThrownBy(() -> new Query(List.of(), null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static MunicipalityHosting row(HostConcentration r, String code) {
        return r.municipalities().stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
    }
}
