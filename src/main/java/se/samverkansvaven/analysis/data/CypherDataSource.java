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
import se.samverkansvaven.analysis.data.CooperationData.CoverageInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.analysis.data.CooperationData.Place;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.LinkKind;
import se.samverkansvaven.body.PartyRole;
import se.samverkansvaven.database.GraphRevisions;

/** The reference source: the six queries of {@code cypher/projection/} in one read transaction, any Neo4j. */
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
                            r.get("name").asString(), r.get("illustrative").asBoolean(false)));
                }
                for (Record r : each(tx.run(queries.areas()))) {
                    rows.area(new AreaInfo(r.get("id").asString(), r.get("sector").asString(),
                            r.get("nameSv").asString(), r.get("nameEn").asString()));
                }
                for (Record r : each(tx.run(queries.bodies(), params))) {
                    List<PartyInfo> parties = new ArrayList<>();
                    for (Value party : r.get("parties").values()) { // [party, role, type, illustrative]
                        parties.add(new PartyInfo(party.get(0).asString(), PartyType.valueOf(party.get(2).asString()),
                                PartyRole.valueOf(party.get(1).asString()), party.get(3).asBoolean()));
                    }
                    List<String> goals = new ArrayList<>();
                    List<String> illustrativeGoals = new ArrayList<>();
                    split(r.get("goals"), goals, illustrativeGoals);
                    List<String> conveners = new ArrayList<>();
                    List<String> illustrativeConveners = new ArrayList<>();
                    split(r.get("conveners"), conveners, illustrativeConveners);
                    rows.body(new CooperationDataSource.BodyRow(r.get("id").asString(), r.get("form").asString(),
                            r.get("name").asString(), r.get("sector").asString(null), r.get("level").asString(null),
                            r.get("seat").asString(null), r.get("illustrative").asBoolean(false),
                            r.get("areas").asList(Value::asString), goals, parties, conveners, illustrativeGoals,
                            illustrativeConveners));
                }
                for (Record r : each(tx.run(queries.links(), params))) {
                    rows.link(r.get("a").asString(), r.get("b").asString(), LinkKind.valueOf(r.get("kind").asString()),
                            r.get("illustrative").asBoolean());
                }
                for (Record r : each(tx.run(queries.coverage(), params))) {
                    rows.coverage(new CoverageInfo(r.get("code").asString(),
                            r.get("forms").asList(v -> Form.valueOf(v.asString())).stream()
                                    .collect(java.util.stream.Collectors.toSet()),
                            r.get("validFrom").asLocalDate(), r.get("validTo").isNull() ? null : r.get("validTo").asLocalDate(),
                            r.get("source").asString(null), r.get("illustrative").asBoolean()));
                }
                return null;
            });
        }
    }

    /** [id, illustrative] pairs into the ids and the illustrative ones. */
    private static void split(Value pairs, List<String> ids, List<String> illustrative) {
        for (Value pair : pairs.values()) {
            String id = pair.get(0).asString();
            ids.add(id);
            if (pair.get(1).asBoolean()) {
                illustrative.add(id);
            }
        }
    }

    /** The records one at a time as the driver fetches them; list() would hold all of them (at L ~10^6 rows). */
    private static Iterable<Record> each(Result result) {
        return () -> result;
    }
}
