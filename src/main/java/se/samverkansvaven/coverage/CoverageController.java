package se.samverkansvaven.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Driver;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.FormsParameter;
import se.samverkansvaven.database.CypherFiles;
import se.samverkansvaven.municipality.MunicipalityCodes;
import se.samverkansvaven.source.Citation;
import se.samverkansvaven.web.BadParameterException;
import se.samverkansvaven.web.NotFoundException;
import se.samverkansvaven.web.Today;

/**
 * {@code GET /api/coverage}: which municipalities of a scope are covered for the forms on the date, and on
 * what each covered one rests; {@code GET /api/coverage/{code}}: one municipality's coverage rows with their
 * history and the version the editing API expects.
 */
@RestController
class CoverageController {

    /** One row as the API shows it, with its source split into readable citations. */
    record Row(String id, List<Form> forms, LocalDate validFrom, LocalDate validTo, String source,
            List<Citation> citations, boolean illustrative, boolean active) {

        static Row of(CoverageRow row, LocalDate date) {
            return new Row(row.id(), row.formList(), row.validFrom(), row.validTo(), row.source(),
                    Citation.parse(row.source()), row.illustrative(), row.activeOn(date));
        }
    }

    /** @param illustrative true when the municipality is covered only thanks to illustrative rows */
    record Covered(String code, String name, boolean illustrative, List<Row> rows) {}

    record Uncovered(String code, String name) {}

    /**
     * The shape of the analysis answers' {@code coverage} (analysis.ScopeCoverage) with its lists spelled out, and
     * the filter echoed as they echo it: {@code asOf}, {@code forms}, {@code scope}, and {@code illustrativeIncluded}
     * (false under {@code illustrative=false}).
     *
     * @param illustrative some covered municipality is covered only thanks to an illustrative row
     */
    record Answer(LocalDate asOf, List<Form> forms, String scope, boolean illustrativeIncluded, int municipalities,
            int coveredCount, int notCoveredCount, boolean complete, boolean illustrative, List<Covered> covered,
            List<Uncovered> notCovered) {}

    /** @param version the coverage version the editing API expects (409 when another is sent) */
    record State(String code, String name, long version, LocalDate asOf, List<Row> rows) {}

    static final String STATE = CypherFiles.load("cypher/coverage/state.cypher");

    private final CoverageReader reader;
    private final Driver driver;
    private final MunicipalityCodes codes;
    private final Today today;

    CoverageController(CoverageReader reader, Driver driver, MunicipalityCodes codes, Today today) {
        this.reader = reader;
        this.driver = driver;
        this.codes = codes;
        this.today = today;
    }

    @GetMapping("/api/coverage")
    Answer coverage(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String forms, @RequestParam(required = false) String scope,
            @RequestParam(defaultValue = "true") boolean illustrative) {
        LocalDate date = today.orDefault(asOf);
        Set<Form> chosen = FormsParameter.parse(forms);
        Map<String, String> municipalities = CoverageScope.resolve(scope, date, driver, codes);
        Coverage all = reader.on(date);
        Coverage real = all.withoutIllustrative();
        Coverage coverage = illustrative ? all : real;
        List<Covered> covered = new ArrayList<>();
        List<Uncovered> notCovered = new ArrayList<>();
        municipalities.forEach((code, name) -> {
            if (coverage.covered(code, chosen)) {
                covered.add(new Covered(code, name, !real.covered(code, chosen),
                        coverage.rows(code, chosen).stream().map(r -> Row.of(r, date)).toList()));
            } else {
                notCovered.add(new Uncovered(code, name));
            }
        });
        return new Answer(date, chosen.stream().sorted().toList(), scope == null || scope.isBlank() ? "all" : scope.strip(),
                illustrative, municipalities.size(), covered.size(), notCovered.size(), notCovered.isEmpty(),
                covered.stream().anyMatch(Covered::illustrative), covered, notCovered);
    }

    @GetMapping("/api/coverage/{code}")
    State state(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "true") boolean illustrative) {
        if (!codes.matches(code)) {
            throw new BadParameterException("code", "'" + code + "' is not a municipality code; " + codes.describe() + ".");
        }
        LocalDate date = today.orDefault(asOf);
        List<org.neo4j.driver.Record> found;
        try (var session = driver.session()) {
            found = session.executeRead(tx -> tx.run(STATE, Map.of("code", code)).list());
        }
        if (found.isEmpty()) {
            throw new NotFoundException("No municipality has code " + code + ".");
        }
        var municipality = found.getFirst();
        return new State(code, municipality.get("name").asString(null), municipality.get("version").asLong(), date,
                reader.history(code).stream().filter(r -> illustrative || !r.illustrative())
                        .map(r -> Row.of(r, date)).toList());
    }
}
