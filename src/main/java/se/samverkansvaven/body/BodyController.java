package se.samverkansvaven.body;

import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.web.BadParameterException;
import se.samverkansvaven.web.NotFoundException;
import se.samverkansvaven.web.Today;

@RestController
class BodyController {

    private final BodyQueries queries;
    private final Today today;

    BodyController(BodyQueries queries, Today today) {
        this.queries = queries;
        this.today = today;
    }

    /**
     * Bodies whose name contains {@code q} (case and diacritics ignored) or whose id starts with it, by name;
     * without q, every body. At most {@code limit} (1 to 5000). {@code illustrative=false}: as if the
     * illustrative rows were not loaded (no illustrative body).
     */
    @GetMapping("/api/bodies")
    List<BodyDetails.Summary> search(@RequestParam(required = false) String q,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                     @RequestParam(defaultValue = "100") int limit,
                                     @RequestParam(defaultValue = "true") boolean illustrative) {
        if (limit < 1 || limit > 5000) {
            throw new BadParameterException("limit", "give a number from 1 to 5000.");
        }
        return queries.search(q == null ? "" : q, today.orDefault(asOf), limit, illustrative);
    }

    /**
     * One body with its history. {@code illustrative=false}: as if the illustrative rows were not loaded, so
     * an illustrative body is not found (404 saying so) and a real one loses its illustrative party rows,
     * conveners, links and goals.
     */
    @GetMapping("/api/bodies/{id}")
    BodyDetails byId(@PathVariable String id,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                     @RequestParam(defaultValue = "true") boolean illustrative) {
        BodyDetails body = queries.byId(id, today.orDefault(asOf), illustrative)
                .orElseThrow(() -> new NotFoundException("No body has id '" + id + "'."));
        if (!illustrative && body.illustrative()) {
            throw new NotFoundException("Body '" + id + "' is illustrative (invented) data, left out with"
                    + " illustrative=false; ask without it to see the body, marked illustrative.");
        }
        return body;
    }
}
