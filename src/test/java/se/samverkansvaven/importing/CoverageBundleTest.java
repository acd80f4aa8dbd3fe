package se.samverkansvaven.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.testing.GraphChecksum;

/**
 * coverage.csv (domain.md item 8 and "Data exchange format"): each rule broken in one place with the exact
 * error and the graph unchanged; storage, idempotence and replacement by a re-import of the same rows.
 * Uses the municipalities of Västerbotten's coast (2401, 2403, 2404, 2409), which no shipped row covers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoverageBundleTest {

    private static final String HEADER = "municipality,forms,valid_from,valid_to,source";
    private static final String EMPTY_BODIES = "id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source\n";
    private static final String EMPTY_PARTIES = "body_id,party,role,valid_from,valid_to,representative,source\n";

    @Autowired
    BundleImporter importer;

    @Autowired
    Driver driver;

    @Autowired
    GraphRevisions revisions;

    @AfterEach
    void removeTheRows() {
        try (var session = driver.session()) {
            revisions.writeWithoutResult(session, tx -> {
                tx.run("MATCH (c:Coverage)-[:OF]->(m:Municipality) WHERE m.code IN ['2401','2403','2404','2409'] "
                        + "DETACH DELETE c").consume();
                tx.run("MATCH (m:Municipality) WHERE m.code IN ['2401','2403','2404','2409'] REMOVE m.coverageVersion").consume();
                GraphRevisions.bump(tx);
            });
        }
    }

    static TestBundle coverage(String... rows) {
        return TestBundle.empty().file("bodies.csv", EMPTY_BODIES).file("parties.csv", EMPTY_PARTIES)
                .file("coverage.csv", HEADER + "\n" + String.join("\n", rows) + "\n");
    }

    @Test
    void rowsAreStoredWithTheirFormsDatesAndSourceAndLoadingTwiceChangesNothing() {
        var bundle = coverage("2404,FEDERATION;JOINT_COMMITTEE,2020-01-01,,KS 2019-12-10 §4",
                "2409,,2021-01-01,2025-01-01,illustrative");
        ImportReport first = importer.importBundle(bundle.toFiles());
        assertThat(first.counts()).containsEntry("coverage.csv", 2);
        assertThat(rows()).containsExactly(
                "2404 [FEDERATION, JOINT_COMMITTEE] 2020-01-01 null KS 2019-12-10 §4 false",
                "2409 null 2021-01-01 2025-01-01 illustrative true");
        assertThat(version("2404")).isEqualTo(1);

        String before = GraphChecksum.withoutRevision(driver);
        importer.importBundle(bundle.toFiles());
        assertThat(GraphChecksum.withoutRevision(driver)).as("the graph after loading the same bundle again").isEqualTo(before);
        assertThat(version("2404")).as("nothing changed, so the version stays").isEqualTo(1);
    }

    @Test
    void aReimportWithANewValidToReplacesTheRowAndAnotherSourceAddsOne() {
        importer.importBundle(coverage("2404,FEDERATION,2020-01-01,,Beslut A").toFiles());
        importer.importBundle(coverage("2404,FEDERATION,2020-01-01,2024-01-01,Beslut A").toFiles());
        assertThat(rows()).containsExactly("2404 [FEDERATION] 2020-01-01 2024-01-01 Beslut A false");
        // another source may say the same thing for the same time: two rows, each a source of the fact
        importer.importBundle(coverage("2404,FEDERATION,2022-01-01,,Beslut B").toFiles());
        assertThat(rows()).containsExactly("2404 [FEDERATION] 2020-01-01 2024-01-01 Beslut A false",
                "2404 [FEDERATION] 2022-01-01 null Beslut B false");
        assertThat(version("2404")).isEqualTo(3);
    }

    @Test
    void everyCellIsChecked() {
        assertRejected(coverage(
                        "9999,FEDERATION,2020-01-01,,s",
                        "skovde,FEDERATION,2020-01-01,,s",
                        "2404,FEDERATION;KOMMUNALFORBUND,2020-01-01,,s",
                        "2404,FEDERATION;;AGREEMENT,2020-01-01,,s",
                        "2404,AGREEMENT;AGREEMENT,2020-01-01,,s",
                        "2404,FEDERATION,,,s",
                        "2404,FEDERATION,2020-02-30,,s",
                        "2404,FEDERATION,2020-01-01,2020-01-01,s",
                        "2404,FEDERATION,2020-01-01,,",
                        ",FEDERATION,2020-01-01,,s"),
                new BundleError("coverage.csv", 2, "municipality", "no municipality has code 9999"),
                new BundleError("coverage.csv", 3, "municipality", "'skovde' is not a municipality code; codes are 4 "
                        + "digits (SCB), e.g. 1496"),
                new BundleError("coverage.csv", 4, "forms", "'KOMMUNALFORBUND' is not a known form; use one of "
                        + "FEDERATION, JOINT_COMMITTEE, AGREEMENT, COMPANY, ASSOCIATION, NETWORK, INITIATIVE, separated by ';'"),
                new BundleError("coverage.csv", 5, "forms", "'FEDERATION;;AGREEMENT' has an empty entry; separate forms "
                        + "with ';', e.g. FEDERATION;JOINT_COMMITTEE, or leave the cell empty for every form"),
                new BundleError("coverage.csv", 6, "forms", "AGREEMENT is listed twice"),
                new BundleError("coverage.csv", 7, "valid_from", "valid_from is empty; a coverage row says from which "
                        + "day the municipality's list is complete"),
                new BundleError("coverage.csv", 8, "valid_from", "'2020-02-30' is not a date; write dates as YYYY-MM-DD, "
                        + "e.g. 2024-01-31"),
                new BundleError("coverage.csv", 9, "valid_to", "valid_to 2020-01-01 is not after valid_from 2020-01-01; "
                        + "valid_to is the first day the row no longer holds"),
                new BundleError("coverage.csv", 10, "source", "source is empty; a coverage row needs its source: who says "
                        + "the list is complete (a decision, a register, or illustrative)"),
                new BundleError("coverage.csv", 11, "municipality", "municipality is empty; every row names the "
                        + "municipality whose list of bodies is complete"));
    }

    @Test
    void oneSourceMayNotSayTheSameThingTwice() {
        assertRejected(coverage(
                        "2404,FEDERATION;AGREEMENT,2020-01-01,,Beslut A",
                        "2404,FEDERATION;AGREEMENT,2020-01-01,,Beslut A",
                        "2404,,2022-01-01,,Beslut A",
                        "2404,JOINT_COMMITTEE,2021-01-01,,Beslut A",
                        "2404,FEDERATION,2021-01-01,,Beslut B",
                        "2403,FEDERATION,2018-01-01,2020-01-01,Beslut A",
                        "2403,FEDERATION,2020-01-01,,Beslut A"),
                new BundleError("coverage.csv", 3, "municipality", "duplicate row: line 2 already declares 2404 complete "
                        + "for FEDERATION, AGREEMENT from 2020-01-01 with the same source"),
                new BundleError("coverage.csv", 4, "valid_from", "this row overlaps line 2: the same source would declare "
                        + "2404 complete for FEDERATION, AGREEMENT twice from 2022-01-01 on"),
                new BundleError("coverage.csv", 5, "valid_from", "this row overlaps line 4: the same source would declare "
                        + "2404 complete for JOINT_COMMITTEE twice from 2022-01-01 on"));
        // without line 4: line 5 (another form), line 6 (another source) and lines 7-8 (one after the other) are
        // fine, as the loaded rows show:
        importer.importBundle(coverage("2404,FEDERATION;AGREEMENT,2020-01-01,,Beslut A",
                "2404,JOINT_COMMITTEE,2021-01-01,,Beslut A", "2404,FEDERATION,2021-01-01,,Beslut B",
                "2403,FEDERATION,2018-01-01,2020-01-01,Beslut A", "2403,FEDERATION,2020-01-01,,Beslut A").toFiles());
        assertThat(rows()).hasSize(5);
        // a stored row counts too: the same source again, overlapping it, is refused until the stored row ends
        assertRejected(coverage("2404,AGREEMENT,2023-01-01,,Beslut A"),
                new BundleError("coverage.csv", 2, "valid_from", "this row overlaps a stored row ("
                        + CoverageKey.id("2404", List.of(se.samverkansvaven.body.Form.FEDERATION,
                        se.samverkansvaven.body.Form.AGREEMENT), java.time.LocalDate.parse("2020-01-01"), "Beslut A")
                        + ", FEDERATION, AGREEMENT from 2020-01-01) with the same source: 2404 would be declared complete "
                        + "for AGREEMENT twice from 2023-01-01 on; end the stored row first (valid_to)"));
        importer.importBundle(coverage("2404,FEDERATION;AGREEMENT,2020-01-01,2023-01-01,Beslut A",
                "2404,AGREEMENT,2023-01-01,,Beslut A").toFiles());
        assertThat(rows()).hasSize(6);
    }

    @Test
    void coverageMayComeWithBodies() {
        ImportReport report = importer.importBundle(TestBundle.valid()
                .file("coverage.csv", HEADER + "\n2401,,2020-01-01,,illustrative\n").toFiles());
        assertThat(report.counts()).containsEntry("coverage.csv", 1).containsEntry("bodies.csv", 6);
        assertThat(rows()).containsExactly("2401 null 2020-01-01 null illustrative true");
    }

    private List<String> rows() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("""
                    MATCH (c:Coverage)-[:OF]->(m:Municipality) WHERE m.code IN ['2401','2403','2404','2409']
                    RETURN m.code + ' ' + coalesce('[' + reduce(s = '', f IN c.forms | s + CASE s WHEN '' THEN '' ELSE ', ' END + f)
                           + ']', 'null') + ' ' + toString(c.validFrom) + ' '
                           + coalesce(toString(c.validTo), 'null') + ' ' + c.source + ' ' + toString(c.illustrative) AS row
                    ORDER BY row""").list(r -> r.get("row").asString()));
        }
    }

    private long version(String code) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (m:Municipality {code: $code}) RETURN coalesce(m.coverageVersion, 0) AS v",
                    Map.of("code", code)).single().get("v").asLong());
        }
    }

    private void assertRejected(TestBundle bundle, BundleError... expected) {
        String before = GraphChecksum.of(driver);
        assertThatThrownBy(() -> importer.importBundle(bundle.toFiles()))
                .isInstanceOfSatisfying(BundleRejectedException.class,
                        e -> assertThat(e.errors()).containsExactly(expected));
        assertThat(GraphChecksum.of(driver)).as("the graph after a rejected bundle").isEqualTo(before);
    }
}
