package se.samverkansvaven.municipality;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.web.BadParameterException;
import se.samverkansvaven.web.NotFoundException;
import se.samverkansvaven.web.Today;

@RestController
@RequestMapping("/api/municipalities")
class MunicipalityController {

    private final MunicipalityQueries queries;
    private final Today today;
    private final MunicipalityCodes codes;

    MunicipalityController(MunicipalityQueries queries, Today today, MunicipalityCodes codes) {
        this.queries = queries;
        this.today = today;
        this.codes = codes;
    }

    /** Search by name or code; without q, all municipalities. Matching ignores case and diacritics. */
    @GetMapping
    List<MunicipalitySummary> search(@RequestParam(required = false) String q) {
        String needle = q == null ? "" : fold(q.strip());
        return queries.all().stream()
                .filter(m -> needle.isEmpty() || m.code().startsWith(needle) || fold(m.name()).contains(needle))
                .toList();
    }

    /** The municipality on the date; {@code illustrative=false}: its bodies as if the illustrative rows were not loaded. */
    @GetMapping("/{code}")
    MunicipalityDetails byCode(@PathVariable String code,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @RequestParam(defaultValue = "true") boolean illustrative) {
        if (!codes.matches(code)) {
            throw new BadParameterException("code", "'" + code + "' is not a municipality code; " + codes.describe() + ".");
        }
        LocalDate date = today.orDefault(asOf);
        return queries.details(code, date, illustrative)
                .orElseThrow(() -> new NotFoundException("No municipality has code " + code + "."));
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
