package se.samverkansvaven.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import se.samverkansvaven.security.CurrentUser;
import se.samverkansvaven.web.Today;

/** Snapshot downloads and diffs (domain.md item 7); formats and metadata in docs/exports.md. */
@RestController
@RequestMapping("/api/snapshots")
class SnapshotController {

    static final String SHA_HEADER = "X-Content-SHA256";

    private final SnapshotExporter exporter;
    private final SnapshotDiffer differ;
    private final Today today;

    SnapshotController(SnapshotExporter exporter, SnapshotDiffer differ, Today today) {
        this.exporter = exporter;
        this.differ = differ;
        this.today = today;
    }

    @Operation(summary = "The graph as of a date (GEXF: its history), as a download")
    @GetMapping
    ResponseEntity<StreamingResponseBody> snapshot(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = "graphml, gexf, csv, bundle, json or cypher")
            @RequestParam(defaultValue = "json") String format,
            @Parameter(description = "forms, comma-separated, e.g. FEDERATION,JOINT_COMMITTEE")
            @RequestParam(required = false) List<String> forms,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String federation,
            @RequestParam(required = false) String area,
            @Parameter(description = "GEXF only: first day covered (default: the beginning)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "GEXF only: first day no longer covered (default: no end)")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "also the audit trail (the :Change records) made up to the snapshot date "
                    + "(GEXF: before 'to'); not for the bundle")
            @RequestParam(defaultValue = "false") boolean includeChanges,
            @Parameter(description = "false: as if the illustrative (invented) rows were not loaded")
            @RequestParam(defaultValue = "true") boolean illustrative) {
        ExportFormat exportFormat = ExportParameters.format(format);
        SnapshotFilter filter = ExportParameters.filter(forms, county, federation, area, illustrative);
        ExportParameters.checkWindow(from, to);
        ExportParameters.checkChanges(exportFormat, includeChanges, "includeChanges");
        var export = exporter.export(exportFormat, today.orDefault(asOf), from, to, filter, includeChanges,
                CurrentUser.loggedIn(), ExportProgress.NONE);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(exportFormat.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(export.fileName()).build().toString())
                .header(SHA_HEADER, export.sha256())
                .body(export::writeTo);
    }

    @Operation(summary = "What changed between two dates: bodies started and ended, parties joined and left, "
            + "hosts and roles changed, links made and ended")
    @GetMapping("/diff")
    ResponseEntity<StreamingResponseBody> diff(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @Parameter(description = "json or csv") @RequestParam(defaultValue = "json") String format,
            @RequestParam(required = false) List<String> forms,
            @RequestParam(required = false) String county,
            @RequestParam(required = false) String federation,
            @RequestParam(required = false) String area,
            @Parameter(description = "false: as if the illustrative (invented) rows were not loaded")
            @RequestParam(defaultValue = "true") boolean illustrative) {
        SnapshotDiffer.DiffFormat diffFormat = ExportParameters.diffFormat(format);
        SnapshotFilter filter = ExportParameters.filter(forms, county, federation, area, illustrative);
        LocalDate end = today.orDefault(to);
        exporter.checkFilter(filter);
        var rendered = differ.render(differ.diff(from, end, filter), filter, diffFormat);
        var response = ResponseEntity.ok().header(SHA_HEADER, rendered.sha256());
        if (diffFormat == SnapshotDiffer.DiffFormat.CSV) {
            response.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("samverkansvaven-diff-" + from + "--" + end + ".csv").build().toString());
        } else {
            response.contentType(MediaType.APPLICATION_JSON);
        }
        return response.body(rendered::writeTo);
    }
}
