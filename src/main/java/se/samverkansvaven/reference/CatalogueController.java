package se.samverkansvaven.reference;

import java.util.List;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The service-area and sector catalogue (domain.md: data/areas.csv, data/sectors.csv). */
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

    /** The goals (mål, strategier) bodies can work on, for the editing page's goal picker. */
    @GetMapping("/api/goals")
    List<Goal> goals() {
        return List.copyOf(client.query("MATCH (g:Goal) RETURN g ORDER BY g.name, g.id")
                .fetchAs(Goal.class)
                .mappedBy((t, r) -> {
                    var g = r.get("g");
                    return new Goal(g.get("id").asString(), g.get("name").asString(null), g.get("source").asString(null),
                            g.get("illustrative").asBoolean(false));
                }).all());
    }

    record County(String code, String name) {}

    record Goal(String id, String name, String source, boolean illustrative) {}

    record Area(String id, String sector, String nameSv, String nameEn, String source) {}

    record Sector(String id, String nameSv, String nameEn, List<String> areas) {}
}
