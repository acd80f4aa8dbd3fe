package se.samverkansvaven.importing;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code POST /api/imports}: a zipped CSV bundle in the multipart field {@code file}. */
@RestController
class ImportController {

    private final BundleImporter importer;
    private final InputLimits limits;

    ImportController(BundleImporter importer, InputLimits limits) {
        this.importer = importer;
        this.limits = limits;
    }

    @PostMapping(path = "/api/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importBundle(@RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, file == null
                    ? "Send the bundle as a zip file in the multipart field 'file'."
                    : "The uploaded file is empty; send a zip file of the bundle's CSV files.");
            problem.setTitle("No bundle uploaded");
            problem.setProperty("errors", List.of(new BundleError("upload", 0, null, problem.getDetail())));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ImportReport report;
        try (var in = file.getInputStream()) {
            report = importer.importBundle(BundleFiles.fromZip(in, limits));
        }
        return ResponseEntity.created(URI.create("/api/imports")).body(Map.of(
                "counts", report.counts(),
                "nodesCreated", report.nodesCreated(),
                "relationshipsCreated", report.relationshipsCreated(),
                "relationshipsDeleted", report.relationshipsDeleted(),
                "revision", report.revision()));
    }

    /** A large load whose bodies another writer created while it was staged: nothing loaded, 409. */
    @ExceptionHandler(CreatedMeanwhileException.class)
    ResponseEntity<ProblemDetail> createdMeanwhile(CreatedMeanwhileException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Created meanwhile");
        problem.setProperty("bodies", e.ids());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(BundleRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(BundleRejectedException e) {
        var problem = e.toProblem("The bundle was not loaded", "loaded");
        if (e instanceof BundleTooLargeException) {
            problem.setStatus(HttpStatus.CONTENT_TOO_LARGE);
            problem.setTitle("The bundle is too large");
        }
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
