package se.samverkansvaven.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import se.samverkansvaven.testing.GraphChecksum;

/** Loading real and small bundles end to end, from every source, and what the graph looks like after. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BundleImporterTest {

    @Autowired
    InputLimits limits;

    @Autowired
    BundleImporter importer;

    @Autowired
    Driver driver;

    @Test
    void theVastraGotalandBundleLoadsWithItsCounts() {
        ImportReport report = importer.importBundle(BundleFiles.fromClasspath("bundles/vastra-gotaland"));

        assertThat(report.counts()).containsExactly(
                Map.entry("bodies.csv", 8), Map.entry("parties.csv", 131), Map.entry("actors.csv", 2),
                Map.entry("areas.csv", 8));
        assertThat(count("MATCH (b:Body) WHERE b.id IN ['fed-gr','fed-skaraborg','fed-fyrbodal','fed-sjuharad',"
                + "'fed-rmb','net-gr-klimat','net-gr-rfp','net-vg-hallbar'] RETURN count(b)")).isEqualTo(8);
        assertThat(count("MATCH (:Municipality)-[r:PARTY_TO]->(:Body {id: 'fed-skaraborg'}) "
                + "WHERE r.role = 'MEMBER' RETURN count(r)")).isEqualTo(15);
        assertThat(count("MATCH (b:Federation:Body {id: 'fed-rmb'})-[:SEATED_IN]->(:Municipality {code: '1485'}) "
                + "RETURN count(b)")).isEqualTo(1);
        assertThat(count("MATCH (a:Actor {id: 'region-vgr', kind: 'REGION', illustrative: false}) RETURN count(a)"))
                .isEqualTo(1);
        assertThat(count("MATCH (b:Network {id: 'net-gr-klimat', sector: 'MILJO', level: 'STRATEGIC'}) "
                + "RETURN count(b)")).isEqualTo(1);
    }

    @Test
    void loadingTheSameBundleTwiceChangesNothing() {
        importer.importBundle(BundleFiles.fromClasspath("bundles/vastra-gotaland"));
        importer.importBundle(TestBundle.valid().toFiles());
        String before = GraphChecksum.withoutRevision(driver);
        long revision = revision();

        ImportReport vg = importer.importBundle(BundleFiles.fromClasspath("bundles/vastra-gotaland"));
        ImportReport small = importer.importBundle(TestBundle.valid().toFiles());

        assertThat(GraphChecksum.withoutRevision(driver)).isEqualTo(before);
        assertThat(vg.nodesCreated() + vg.relationshipsCreated() + vg.relationshipsDeleted()).isZero();
        assertThat(small.nodesCreated() + small.relationshipsCreated() + small.relationshipsDeleted()).isZero();
        assertThat(small.revision()).isEqualTo(revision + 2);
        assertThat(revision()).isEqualTo(revision + 2);
    }

    @Test
    void theSmallBundleIsStoredAsDocsModelSays() {
        ImportReport report = importer.importBundle(TestBundle.valid().toFiles());

        assertThat(report.counts()).containsExactly(Map.entry("bodies.csv", 6), Map.entry("parties.csv", 13),
                Map.entry("actors.csv", 2), Map.entry("areas.csv", 3), Map.entry("links.csv", 1),
                Map.entry("goals.csv", 2), Map.entry("body_goals.csv", 1), Map.entry("goal_relations.csv", 1));
        Map<String, Object> jc = single("MATCH (b:Body:JointCommittee {id: 't-jc'}) RETURN properties(b) AS p");
        assertThat(jc).containsEntry("form", "JOINT_COMMITTEE").containsEntry("name", "Gemensam nämnd, lön")
                .containsEntry("validFrom", LocalDate.of(2020, 1, 1)).containsEntry("validTo", LocalDate.of(2025, 1, 1))
                .containsEntry("illustrative", true).doesNotContainKeys("sector", "level", "governance");
        Map<String, Object> net2 = single("MATCH (b:Body:Network {id: 't-net2'}) RETURN properties(b) AS p");
        assertThat(net2).containsEntry("source", "Beslut 2021:4, \"bilaga\" 2").containsEntry("illustrative", false)
                .doesNotContainKeys("validFrom", "validTo");
        assertThat(count("MATCH (:Municipality {code: '1496'})-[r:PARTY_TO]->(:Body {id: 't-jc'}) RETURN count(r)"))
                .isEqualTo(2);
        Map<String, Object> host = single("MATCH (:Municipality {code: '1496'})-[r:PARTY_TO {role: 'HOST'}]->"
                + "(:Body {id: 't-jc'}) RETURN properties(r) AS p");
        assertThat(host).containsOnlyKeys("role", "validTo", "source", "illustrative")
                .containsEntry("validTo", LocalDate.of(2022, 1, 1));
        assertThat(count("MATCH (:Body {id: 't-fed'})-[:CONVENES]->(:Network {id: 't-net'}) RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Network {id: 't-net'})-[:PARTY_TO {role: 'PARTICIPANT'}]->(:Initiative {id: 't-ini'}) "
                + "RETURN count(*)")).isEqualTo(1);
        assertThat(count("MATCH (:Actor {id: 't-region'})-[:PARTY_TO]->(:Body {id: 't-net'}) RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Body {id: 't-fed'})-[:SEATED_IN]->(:Municipality {code: '1496'}) RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Body {id: 't-agr'})-[:COVERS]->(:ServiceArea {id: 'e-arkiv'}) RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Network {id: 't-net'})-[r:LINKED_WITH {kind: 'JOINT_MEETING'}]->(:Network {id: 't-net2'}) "
                + "WHERE r.validFrom = date('2021-01-01') RETURN count(r)")).isEqualTo(1);
        assertThat(count("MATCH (:Body {id: 't-net'})-[:WORKS_ON]->(:Goal {id: 't-goal-a'}) RETURN count(*)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Goal {id: 't-goal-a'})-[:CONFLICTS_WITH]->(:Goal {id: 't-goal-b'}) RETURN count(*)"))
                .isEqualTo(1);
    }

    @Test
    void aBundleReplacesTheRowsOfItsBodiesAndChangesTheirForm() {
        importer.importBundle(TestBundle.valid().toFiles());

        importer.importBundle(TestBundle.valid()
                .line("bodies.csv", 7, "t-agr,JOINT_COMMITTEE,Avtal blev nämnd,,,,,,,illustrative")
                .line("bodies.csv", 2, "t-fed,FEDERATION,Testförbundet,,,DIRECTORATE,1497,2020-01-01,,illustrative")
                .line("parties.csv", 14, "t-agr,1497,PARTICIPANT,,,,illustrative")
                .line("areas.csv", 4, "t-agr,it")
                .file("body_goals.csv", "body_id,goal_id\n").toFiles());

        assertThat(single("MATCH (b:Body {id: 't-agr'}) RETURN {labels: labels(b)} AS p").get("labels"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("Body", "JointCommittee");
        assertThat(count("MATCH (p)-[r:PARTY_TO]->(:Body {id: 't-agr'}) RETURN count(r)")).isEqualTo(2);
        assertThat(count("MATCH (:Municipality {code: '1498'})-[r:PARTY_TO]->(:Body {id: 't-agr'}) RETURN count(r)"))
                .isZero();
        assertThat(count("MATCH (:Body {id: 't-agr'})-[:COVERS]->(a) RETURN count(a)")).isEqualTo(1);
        assertThat(count("MATCH (:Body {id: 't-agr'})-[:COVERS]->(:ServiceArea {id: 'it'}) RETURN count(*)")).isEqualTo(1);
        assertThat(count("MATCH (:Body {id: 't-net'})-[:WORKS_ON]->() RETURN count(*)")).isZero();
        assertThat(count("MATCH (:Body {id: 't-fed'})-[:SEATED_IN]->(m) RETURN count(m)")).isEqualTo(1);
        assertThat(count("MATCH (:Body {id: 't-fed'})-[:SEATED_IN]->(:Municipality {code: '1497'}) RETURN count(*)"))
                .isEqualTo(1);

        importer.importBundle(TestBundle.valid().toFiles()); // back to the original for the other tests
    }

    @Test
    void zipsWithAndWithoutATopFolderAndFoldersLoadTheSame(@TempDir Path dir) throws Exception {
        BundleFiles plain = BundleFiles.fromZip(new ByteArrayInputStream(TestBundle.valid().toZip(null)), limits);
        BundleFiles nested = BundleFiles.fromZip(new ByteArrayInputStream(TestBundle.valid().toZip("my-bundle")), limits);
        Path folder = Files.createDirectories(dir.resolve("outer/my-bundle"));
        for (var file : TestBundle.valid().toFiles().files().entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }
        BundleFiles fromFolder = BundleFiles.fromDirectory(dir.resolve("outer"));

        assertThat(plain.names()).containsExactlyInAnyOrderElementsOf(TestBundle.valid().toFiles().names());
        assertThat(nested.names()).isEqualTo(plain.names());
        assertThat(fromFolder.names()).isEqualTo(plain.names());
        assertThat(importer.importBundle(nested).counts()).containsEntry("parties.csv", 13);
    }

    @Test
    void aUtf8ByteOrderMarkAndCrlfLineEndingsAreAccepted() {
        var files = new LinkedHashMap<>(TestBundle.valid().toFiles().files());
        String parties = new String(files.get("parties.csv"), StandardCharsets.UTF_8).replace("\n", "\r\n");
        files.put("parties.csv", ("\uFEFF" + parties).getBytes(StandardCharsets.UTF_8));

        assertThat(importer.importBundle(BundleFiles.of(files)).counts()).containsEntry("parties.csv", 13);
    }

    @Test
    void notAZipIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> BundleFiles.fromZip(new ByteArrayInputStream("id,form\n".getBytes()), limits))
                .isInstanceOfSatisfying(BundleRejectedException.class, e -> assertThat(e.errors()).containsExactly(
                        new BundleError("upload", 0, null,
                                "the uploaded file is not a zip file; send a zip file of the bundle's CSV files")));
    }

    private long revision() {
        return count("MATCH (r:GraphRevision {id: 'main'}) RETURN r.value");
    }

    private long count(String query) {
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            return session.executeRead(tx -> tx.run(query).single().get(0).asLong());
        }
    }

    private Map<String, Object> single(String query) {
        try (var session = driver.session(SessionConfig.defaultConfig())) {
            List<Map<String, Object>> rows = session.executeRead(tx -> tx.run(query).list(r -> r.get("p")
                    .asMap(Value::asObject)));
            assertThat(rows).hasSize(1);
            return rows.getFirst();
        }
    }
}
