package se.samverkansvaven.analysis.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Value;
import se.samverkansvaven.analysis.data.CooperationData.ActorInfo;
import se.samverkansvaven.analysis.data.CooperationData.AreaInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.analysis.data.CooperationData.Place;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.LinkKind;
import se.samverkansvaven.body.PartyRole;
import se.samverkansvaven.database.GraphRevisions;

/** The reference source: the five queries of {@code cypher/projection/} in one read transaction, any Neo4j. */
public final class CypherDataSource implements CooperationDataSource {

    private final Driver driver;
    private final CooperationDataQueries queries;

    public CypherDataSource(Driver driver, CooperationDataQueries queries) {
        this.driver = driver;
        this.queries = queries;
    }

    @Override
    public void read(LocalDate asOf, Rows rows) {
        Map<String, Object> params = Map.of("asOf", asOf);
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                rows.revision(GraphRevisions.read(tx));
                for (Record r : each(tx.run(queries.municipalities()))) {
                    Value population = r.get("population");
                    rows.municipality(new Place(r.get("code").asString(), r.get("name").asString(),
                                    r.get("countyCode").asString(), r.get("lat").asDouble(), r.get("lon").asDouble(),
                                    population.isNull() ? null : population.asInt()),
                            r.get("borders").asList(Value::asString));
                }
                for (Record r : each(tx.run(queries.actors()))) {
                    rows.actor(new ActorInfo(r.get("id").asString(), ActorKind.valueOf(r.get("kind").asString()),
                            r.get("name").asString()));
                }
                for (Record r : each(tx.run(queries.areas()))) {
                    rows.area(new AreaInfo(r.get("id").asString(), r.get("sector").asString(),
                            r.get("nameSv").asString(), r.get("nameEn").asString()));
                }
                for (Record r : each(tx.run(queries.bodies(), params))) {
                    List<PartyInfo> parties = new ArrayList<>();
                    for (Value party : r.get("parties").values()) { // [party, role, type]
                        parties.add(new PartyInfo(party.get(0).asString(), PartyType.valueOf(party.get(2).asString()),
                                PartyRole.valueOf(party.get(1).asString())));
                    }
                    rows.body(new CooperationDataSource.BodyRow(r.get("id").asString(), r.get("form").asString(),
                            r.get("name").asString(), r.get("sector").asString(null), r.get("level").asString(null),
                            r.get("seat").asString(null), r.get("illustrative").asBoolean(false),
                            r.get("areas").asList(Value::asString), r.get("goals").asList(Value::asString), parties,
                            r.get("conveners").asList(Value::asString)));
                }
                for (Record r : each(tx.run(queries.links(), params))) {
                    rows.link(r.get("a").asString(), r.get("b").asString(), LinkKind.valueOf(r.get("kind").asString()));
                }
                return null;
            });
        }
    }

    /** The records one at a time as the driver fetches them; list() would hold all of them (at L ~10^6 rows). */
    private static Iterable<Record> each(Result result) {
        return () -> result;
    }
}
