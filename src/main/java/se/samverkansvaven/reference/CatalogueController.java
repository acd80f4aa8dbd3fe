package se.samverkansvaven.reference;

import java.util.Arrays;
import java.util.List;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.Level;
import se.samverkansvaven.body.LinkKind;
import se.samverkansvaven.body.PartyRole;

/**
 * The catalogues the pages and clients pick from: service areas and sectors (domain.md: data/areas.csv,
 * data/sectors.csv), counties, goals, actors, and the model's fixed vocabulary with its rules
 * ({@code /api/model}), so no page keeps its own copy of which roles a form takes.
 */
@RestController
class CatalogueController {

    private final Neo4jClient client;

    CatalogueController(Neo4jClient client) {
        this.client = client;
    }

    @GetMapping("/api/areas")
    List<Area> areas() {
        return List.copyOf(client.query("MATCH (a:ServiceArea) RETURN a ORDER BY a.sector, a.id")
                .fetchAs(Area.class)
                .mappedBy((t, r) -> {
                    var a = r.get("a");
                    return new Area(a.get("id").asString(), a.get("sector").asString(), a.get("nameSv").asString(),
                            a.get("nameEn").asString(), a.get("source").asString(null));
                }).all());
    }

    @GetMapping("/api/sectors")
    List<Sector> sectors() {
        return List.copyOf(client.query("""
                        MATCH (s:Sector)
                        OPTIONAL MATCH (a:ServiceArea)-[:IN_SECTOR]->(s)
                        WITH s, a ORDER BY a.id
                        RETURN s, collect(a.id) AS areas ORDER BY s.id""")
                .fetchAs(Sector.class)
                .mappedBy((t, r) -> {
                    var s = r.get("s");
                    return new Sector(s.get("id").asString(), s.get("nameSv").asString(), s.get("nameEn").asString(),
                            r.get("areas").asList(org.neo4j.driver.Value::asString));
                }).all());
    }

    /** The 21 counties (län), for scope pickers. */
    @GetMapping("/api/counties")
    List<County> counties() {
        return List.copyOf(client.query("MATCH (c:County) RETURN c.code AS code, c.name AS name ORDER BY c.code")
                .fetchAs(County.class)
                .mappedBy((t, r) -> new County(r.get("code").asString(), r.get("name").asString()))
                .all());
    }

    /** The goals (mål, strategier) bodies can work on; illustrative=false leaves out the invented ones. */
    @GetMapping("/api/goals")
    List<Goal> goals(@RequestParam(defaultValue = "true") boolean illustrative) {
        return List.copyOf(client.query("""
                        MATCH (g:Goal) WHERE $illustrative OR NOT coalesce(g.illustrative, false)
                        RETURN g ORDER BY g.name, g.id""")
                .bind(illustrative).to("illustrative")
                .fetchAs(Goal.class)
                .mappedBy((t, r) -> {
                    var g = r.get("g");
                    return new Goal(g.get("id").asString(), g.get("name").asString(null), g.get("source").asString(null),
                            g.get("illustrative").asBoolean(false));
                }).all());
    }

    /** The non-municipal actors (regions, agencies, academia, others); illustrative=false leaves out the invented ones. */
    @GetMapping("/api/actors")
    List<Actor> actors(@RequestParam(defaultValue = "true") boolean illustrative) {
        return List.copyOf(client.query("""
                        MATCH (a:Actor) WHERE $illustrative OR NOT coalesce(a.illustrative, false)
                        RETURN a ORDER BY a.name, a.id""")
                .bind(illustrative).to("illustrative")
                .fetchAs(Actor.class)
                .mappedBy((t, r) -> {
                    var a = r.get("a");
                    return new Actor(a.get("id").asString(), a.get("kind").asString(null), a.get("name").asString(null),
                            a.get("source").asString(null), a.get("illustrative").asBoolean(false));
                }).all());
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
