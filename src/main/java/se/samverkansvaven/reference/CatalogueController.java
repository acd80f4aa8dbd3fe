package se.samverkansvaven.reference;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.Level;
import se.samverkansvaven.body.LinkKind;
import se.samverkansvaven.body.PartyRole;
import se.samverkansvaven.database.CypherFiles;

/**
 * The catalogues the pages and clients pick from: service areas and sectors (domain.md: data/areas.csv,
 * data/sectors.csv), counties, goals, actors, and the model's fixed vocabulary with its rules
 * ({@code /api/model}), so no page keeps its own copy of which roles a form takes.
 */
@RestController
class CatalogueController {

    private static final String AREAS = CypherFiles.load("cypher/reference/catalogue-areas.cypher");
    private static final String SECTORS = CypherFiles.load("cypher/reference/catalogue-sectors.cypher");
    private static final String COUNTIES = CypherFiles.load("cypher/reference/catalogue-counties.cypher");
    private static final String GOALS = CypherFiles.load("cypher/reference/catalogue-goals.cypher");
    private static final String ACTORS = CypherFiles.load("cypher/reference/catalogue-actors.cypher");

    private final Driver driver;

    CatalogueController(Driver driver) {
        this.driver = driver;
    }

    private <T> List<T> read(String query, Function<Record, T> mapper) {
        return read(query, Map.of(), mapper);
    }

    private <T> List<T> read(String query, Map<String, Object> parameters, Function<Record, T> mapper) {
        try (var session = driver.session()) {
            return List.copyOf(session.executeRead(tx -> tx.run(query, parameters).list(mapper)));
        }
    }

    @GetMapping("/api/areas")
    List<Area> areas() {
        return read(AREAS, r -> {
            var a = r.get("a");
            return new Area(a.get("id").asString(), a.get("sector").asString(), a.get("nameSv").asString(),
                    a.get("nameEn").asString(), a.get("source").asString(null));
        });
    }

    @GetMapping("/api/sectors")
    List<Sector> sectors() {
        return read(SECTORS, r -> {
            var s = r.get("s");
            return new Sector(s.get("id").asString(), s.get("nameSv").asString(), s.get("nameEn").asString(),
                    r.get("areas").asList(org.neo4j.driver.Value::asString));
        });
    }

    /** The 21 counties (län), for scope pickers. */
    @GetMapping("/api/counties")
    List<County> counties() {
        return read(COUNTIES, r -> new County(r.get("code").asString(), r.get("name").asString()));
    }

    /** The goals (mål, strategier) bodies can work on; illustrative=false leaves out the invented ones. */
    @GetMapping("/api/goals")
    List<Goal> goals(@RequestParam(defaultValue = "true") boolean illustrative) {
        return read(GOALS, Map.of("illustrative", illustrative), r -> {
            var g = r.get("g");
            return new Goal(g.get("id").asString(), g.get("name").asString(null), g.get("source").asString(null),
                    g.get("illustrative").asBoolean(false));
        });
    }

    /** The non-municipal actors (regions, agencies, academia, others); illustrative=false leaves out the invented ones. */
    @GetMapping("/api/actors")
    List<Actor> actors(@RequestParam(defaultValue = "true") boolean illustrative) {
        return read(ACTORS, Map.of("illustrative", illustrative), r -> {
            var a = r.get("a");
            return new Actor(a.get("id").asString(), a.get("kind").asString(null), a.get("name").asString(null),
                    a.get("source").asString(null), a.get("illustrative").asBoolean(false));
        });
    }

    /**
     * The model's fixed vocabulary (docs/model.md) in its own order: forms with the rules of domain.md (the
     * party roles each takes, whether it has a convener, whether it needs exactly one HOST, whether the
     * analyses use it when a caller names no forms), roles, network levels, link kinds and actor kinds.
     */
    @GetMapping("/api/model")
    Model model() {
        return MODEL;
    }

    private static final Model MODEL = new Model(
            Arrays.stream(Form.values()).map(f -> new FormRules(f.name(),
                    Arrays.stream(PartyRole.values()).filter(f.partyRoles()::contains).map(PartyRole::name).toList(),
                    f.mayHaveConvener(), f.requiresHost(), Form.DEFAULT_ANALYSIS_FORMS.contains(f))).toList(),
            names(PartyRole.values()), names(Level.values()), names(LinkKind.values()), names(ActorKind.values()));

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /**
     * @param partyRoles       the roles a party row of a body of this form may have
     * @param convener         whether a body of this form may have conveners (role CONVENER in a bundle)
     * @param requiresHost     exactly one HOST on every day the body is active
     * @param analysedByDefault among the forms an analysis uses when the caller names none
     */
    record FormRules(String id, List<String> partyRoles, boolean convener, boolean requiresHost,
                     boolean analysedByDefault) {}

    record Model(List<FormRules> forms, List<String> roles, List<String> levels, List<String> linkKinds,
                 List<String> actorKinds) {}

    record Actor(String id, String kind, String name, String source, boolean illustrative) {}

    record County(String code, String name) {}

    record Goal(String id, String name, String source, boolean illustrative) {}

    record Area(String id, String sector, String nameSv, String nameEn, String source) {}

    record Sector(String id, String nameSv, String nameEn, List<String> areas) {}
}
