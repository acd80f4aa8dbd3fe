package se.samverkansvaven.body;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
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

    @GetMapping("/api/bodies/{id}")
    BodyDetails byId(@PathVariable String id,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return queries.byId(id, today.orDefault(asOf))
                .orElseThrow(() -> new NotFoundException("No body has id '" + id + "'."));
    }
}
