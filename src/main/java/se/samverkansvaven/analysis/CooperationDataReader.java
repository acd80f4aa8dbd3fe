package se.samverkansvaven.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import se.samverkansvaven.analysis.CooperationData.ActorInfo;
import se.samverkansvaven.analysis.CooperationData.AreaInfo;
import se.samverkansvaven.analysis.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.CooperationData.NetworkLink;
import se.samverkansvaven.analysis.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.CooperationData.PartyType;
import se.samverkansvaven.analysis.CooperationData.Place;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.Level;
import se.samverkansvaven.body.LinkKind;
import se.samverkansvaven.body.Role;

/**
 * The one place where Neo4j becomes analysis input: a handful of parameterised queries, all in one read
 * transaction so the picture is consistent, turned into an immutable {@link CooperationData} for a date.
 */
@Component
class CooperationDataReader {

    private final Driver driver;
    private final ProjectionQueries queries;

    CooperationDataReader(Driver driver, ProjectionQueries queries) {
        this.driver = driver;
        this.queries = queries;
    }

    CooperationData read(LocalDate asOf) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> read(tx, asOf));
        }
    }

    private CooperationData read(TransactionContext tx, LocalDate asOf) {
        Map<String, Object> params = Map.of("asOf", asOf);

        SortedMap<String, Place> municipalities = new TreeMap<>();
        Map<String, List<String>> neighbours = new HashMap<>();
        for (Record r : each(tx.run(queries.municipalities()))) {
            Value population = r.get("population");
            Place place = new Place(r.get("code").asString(), r.get("name").asString(), r.get("countyCode").asString(),
                    r.get("lat").asDouble(), r.get("lon").asDouble(), population.isNull() ? null : population.asInt());
            municipalities.put(place.code(), place);
            List<String> borders = r.get("borders").asList(Value::asString);
            if (!borders.isEmpty()) {
                neighbours.put(place.code(), borders);
            }
        }
        Graph<String, DefaultEdge> borders = new SimpleGraph<>(DefaultEdge.class);
        municipalities.keySet().forEach(borders::addVertex);
        municipalities.keySet().forEach(a -> neighbours.getOrDefault(a, List.of()).forEach(b -> borders.addEdge(a, b)));

        SortedMap<String, ActorInfo> actors = new TreeMap<>();
        for (Record r : each(tx.run(queries.actors()))) {
            actors.put(r.get("id").asString(), new ActorInfo(r.get("id").asString(),
                    ActorKind.valueOf(r.get("kind").asString()), r.get("name").asString()));
        }

        SortedMap<String, AreaInfo> areas = new TreeMap<>();
        for (Record r : each(tx.run(queries.areas()))) {
            areas.put(r.get("id").asString(), new AreaInfo(r.get("id").asString(), r.get("sector").asString(),
                    r.get("nameSv").asString(), r.get("nameEn").asString()));
        }

        SortedMap<String, BodyInfo> bodies = new TreeMap<>();
        for (Record r : each(tx.run(queries.bodies(), params))) {
            String id = r.get("id").asString();
            String sector = r.get("sector").asString(null);
            TreeSet<String> bodyAreas = new TreeSet<>(r.get("areas").asList(Value::asString));
            TreeSet<String> sectors = new TreeSet<>();
            bodyAreas.forEach(a -> sectors.add(areas.get(a).sector()));
            if (sector != null) {
                sectors.add(sector);
            }
            // A body may have no active party (a network between members); the list is then empty.
            List<PartyInfo> bodyParties = new ArrayList<>();
            for (Value party : r.get("parties").values()) {
                bodyParties.add(new PartyInfo(party.get(0).asString(), PartyType.valueOf(party.get(2).asString()),
                        Role.valueOf(party.get(1).asString()))); // [party, role, type]
            }
            bodyParties.sort((a, b) -> a.partyId().compareTo(b.partyId()));
            String level = r.get("level").asString(null);
            bodies.put(id, new BodyInfo(id, Form.valueOf(r.get("form").asString()), r.get("name").asString(),
                    sector, level == null ? null : Level.valueOf(level), bodyAreas, sectors,
                    r.get("seat").asString(null), List.copyOf(bodyParties),
                    new TreeSet<>(r.get("conveners").asList(Value::asString)),
                    new TreeSet<>(r.get("goals").asList(Value::asString)), r.get("illustrative").asBoolean(false)));
        }

        List<NetworkLink> links = new ArrayList<>();
        for (Record r : each(tx.run(queries.links(), params))) {
            String a = r.get("a").asString();
            String b = r.get("b").asString();
            LinkKind kind = LinkKind.valueOf(r.get("kind").asString());
            links.add(a.compareTo(b) < 0 ? new NetworkLink(a, b, kind) : new NetworkLink(b, a, kind));
        }
        links.sort((x, y) -> x.a().equals(y.a()) ? (x.b().equals(y.b()) ? x.kind().compareTo(y.kind())
                : x.b().compareTo(y.b())) : x.a().compareTo(y.a()));

        return new CooperationData(asOf, municipalities, borders, actors, bodies, List.copyOf(links), areas);
    }

    /** The records one at a time as the driver fetches them; list() would hold all of them (at L ~10^6 rows). */
    private static Iterable<Record> each(org.neo4j.driver.Result result) {
        return () -> result;
    }
}
