package se.samverkansvaven.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.importing.BundleImporter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coverage in the exports (docs/exports.md "Coverage"): the bundle's coverage.csv holds the rows of the
 * day, cut to it, narrowed to a forms filter and left out with an area filter; every export's metadata
 * counts the rows and a snapshot's lists the covered municipalities. The shipped coverage is the
 * illustrative bundle's Skaraborg, for the five default forms from 2005-01-01.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CoverageExportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate D = LocalDate.of(2026, 11, 21);
    private static final List<String> SKARABORG = List.of("1444", "1445", "1446", "1447", "1470", "1471", "1472",
            "1473", "1493", "1494", "1495", "1496", "1497", "1498", "1499");

    @Autowired
    BundleImporter importer;
    @Autowired
    Driver driver;
    @Autowired
    SnapshotExporter exporter;

    @BeforeEach
    void data() {
        ExportTestData.ensureLoaded(importer, driver);
    }

    private byte[] export(ExportFormat format, LocalDate asOf, SnapshotFilter filter) throws IOException {
        var out = new ByteArrayOutputStream();
        exporter.export(format, asOf, null, null, filter, ExportProgress.NONE).writeTo(out);
        return out.toByteArray();
    }

    private List<String> coverageRows(SnapshotFilter filter) throws IOException {
        var zip = SnapshotExportTest.unzip(export(ExportFormat.BUNDLE, D, filter));
        return new String(zip.get("coverage.csv"), StandardCharsets.UTF_8).lines().toList();
    }

    private JsonNode metadata(SnapshotFilter filter) throws IOException {
        var zip = SnapshotExportTest.unzip(export(ExportFormat.BUNDLE, D, filter));
        return JSON.readTree(zip.get("metadata.json"));
    }

    @Test
    void theBundleCarriesTheCoverageOfItsDayCutToThatDay() throws IOException {
        List<String> rows = coverageRows(SnapshotFilter.NONE);
        assertThat(rows.getFirst()).isEqualTo("municipality,forms,valid_from,valid_to,source");
        assertThat(rows.subList(1, rows.size())).containsExactlyElementsOf(SKARABORG.stream().map(code -> code
                + ",FEDERATION;JOINT_COMMITTEE;AGREEMENT;COMPANY;ASSOCIATION,2026-11-21,2026-11-22,illustrative").toList());
        JsonNode metadata = metadata(SnapshotFilter.NONE);
        assertThat(metadata.get("counts").get("coverage").asInt()).isEqualTo(15);
        assertThat(metadata.get("coverage").get("illustrativeRows").asInt()).isEqualTo(15);
        assertThat(metadata.get("coverage").get("forms").toString())
                .isEqualTo("[\"FEDERATION\",\"JOINT_COMMITTEE\",\"AGREEMENT\",\"COMPANY\",\"ASSOCIATION\"]");
        assertThat(metadata.get("coverage").get("covered").toString()).isEqualTo(JSON.writeValueAsString(SKARABORG));
        // before the illustrative rows start there is nothing to carry
        var early = SnapshotExportTest.unzip(export(ExportFormat.BUNDLE, LocalDate.of(2004, 6, 1), SnapshotFilter.NONE));
        assertThat(new String(early.get("coverage.csv"), StandardCharsets.UTF_8).lines()).hasSize(1);
    }

    @Test
    void filtersNarrowTheCoverageToWhatTheExportHoldsCompletely() throws IOException {
        List<String> federations = coverageRows(new SnapshotFilter(Set.of(Form.FEDERATION), null, null, null));
        assertThat(federations).hasSize(16).element(1).isEqualTo("1444,FEDERATION,2026-11-21,2026-11-22,illustrative");
        assertThat(metadata(new SnapshotFilter(Set.of(Form.FEDERATION, Form.COMPANY), null, null, null))
                .get("coverage").get("covered")).hasSize(15);
        assertThat(coverageRows(new SnapshotFilter(Set.of(Form.NETWORK), null, null, null))).as("networks: not claimed").hasSize(1);
        assertThat(coverageRows(new SnapshotFilter(null, null, null, "raddningstjanst"))).as("an area filter").hasSize(1);
        assertThat(coverageRows(new SnapshotFilter(null, "13", null, null))).as("Halland").hasSize(1);
        assertThat(coverageRows(new SnapshotFilter(null, "14", null, null))).hasSize(16);
        assertThat(coverageRows(new SnapshotFilter(null, null, "fed-fyrbodal", null))).hasSize(1);
    }

    @Test
    void graphFormatsCountTheRowsAndAWindowListsNoCoveredSet() throws IOException {
        JsonNode json = JSON.readTree(export(ExportFormat.JSON, D, SnapshotFilter.NONE)).get("metadata");
        assertThat(json.get("counts").get("coverage").asInt()).isEqualTo(15);
        assertThat(json.get("coverage").get("covered")).hasSize(15);
        String graphml = new String(export(ExportFormat.GRAPHML, D, SnapshotFilter.NONE), StandardCharsets.UTF_8);
        assertThat(graphml).contains("<data key=\"meta.coverage\">{\"rows\":15,");
        // GEXF covers a window, over which coverage changes: the rows are counted, no covered set is claimed
        var gexf = exporter.export(ExportFormat.GEXF, null, LocalDate.of(2004, 1, 1), null, SnapshotFilter.NONE,
                ExportProgress.NONE).metadata();
        @SuppressWarnings("unchecked")
        var coverage = (java.util.Map<String, Object>) gexf.get("coverage");
        assertThat(coverage).containsEntry("rows", 15).doesNotContainKey("covered");
    }
}
