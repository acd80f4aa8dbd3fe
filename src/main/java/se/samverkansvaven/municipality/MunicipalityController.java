package se.samverkansvaven.municipality;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.FormsParameter;
import se.samverkansvaven.web.BadParameterException;
import se.samverkansvaven.web.NotFoundException;
import se.samverkansvaven.web.Today;

@RestController
@RequestMapping("/api/municipalities")
class MunicipalityController {

    private final MunicipalityQueries queries;
    private final Today today;
    private final MunicipalityCodes codes;
    private final MunicipalityCoverage coverage;

    MunicipalityController(MunicipalityQueries queries, Today today, MunicipalityCodes codes,
                           MunicipalityCoverage coverage) {
        this.queries = queries;
        this.today = today;
        this.codes = codes;
        this.coverage = coverage;
    }

    /** Search by name or code; without q, all municipalities. Matching ignores case and diacritics. */
    @GetMapping
    List<MunicipalitySummary> search(@RequestParam(required = false) String q) {
        String needle = q == null ? "" : fold(q.strip());
        return queries.all().stream()
                .filter(m -> needle.isEmpty() || m.code().startsWith(needle) || fold(m.name()).contains(needle))
                .toList();
    }

    /**
     * The municipality on the date, with whether its list of bodies of {@code forms} (default: the analyses'
     * forms) is known to be complete; {@code illustrative=false}: its bodies and coverage as if the illustrative
     * rows were not loaded.
     */
    @GetMapping("/{code}")
    MunicipalityDetails byCode(@PathVariable String code,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @RequestParam(required = false) String forms,
                               @RequestParam(defaultValue = "true") boolean illustrative) {
        if (!codes.matches(code)) {
            throw new BadParameterException("code", "'" + code + "' is not a municipality code; " + codes.describe() + ".");
        }
        Set<Form> chosen = FormsParameter.parse(forms);
        LocalDate date = today.orDefault(asOf);
        MunicipalityDetails details = queries.details(code, date, illustrative)
                .orElseThrow(() -> new NotFoundException("No municipality has code " + code + "."));
        return details.withCoverage(chosen, illustrative, coverage.of(code, date, chosen, illustrative));
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
