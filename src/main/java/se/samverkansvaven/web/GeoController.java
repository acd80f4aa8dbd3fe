package se.samverkansvaven.web;

import java.time.Duration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 290 municipality polygons for the map page. They are reference data that ship in the jar and change
 * only with a release, so clients may cache them for a day; the server gzips them (about 800 kB raw).
 */
@RestController
class GeoController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final Resource polygons = new ClassPathResource("reference/municipalities.geojson");

    @GetMapping(value = "/api/geo/municipalities", produces = {"application/geo+json", "application/json"})
    ResponseEntity<Resource> municipalities() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .contentType(GEO_JSON)
                .body(polygons);
    }
}
