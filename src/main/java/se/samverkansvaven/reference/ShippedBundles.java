package se.samverkansvaven.reference;

import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import se.samverkansvaven.database.GraphRevisions;

/** Records which shipped bundles a database holds, and removes the illustrative data when it is switched off. */
@Component
class ShippedBundles {

    private final Driver driver;
    private final GraphRevisions revisions;

    ShippedBundles(Driver driver, GraphRevisions revisions) {
        this.driver = driver;
        this.revisions = revisions;
    }

    List<String> loaded() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(
                    "OPTIONAL MATCH (r:GraphRevision {id: 'main'}) RETURN coalesce(r.bundles, []) AS bundles")
                    .single().get("bundles").asList(Value::asString));
        }
    }

    void markLoaded(String bundle) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MERGE (r:GraphRevision {id: 'main'})
                    SET r.bundles = [b IN coalesce(r.bundles, []) WHERE b <> $bundle] + $bundle""",
                    Map.of("bundle", bundle)).consume());
        }
    }

    boolean hasIllustrativeData() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(
                    "RETURN EXISTS { MATCH (n:Body|Actor|Goal|Coverage) WHERE n.illustrative } AS present")
                    .single().get("present").asBoolean());
        }
    }

    void removeIllustrativeData(String bundle) {
        try (var session = driver.session()) {
            revisions.writeWithoutResult(session, tx -> {
                tx.run("MATCH ()-[r]->() WHERE r.illustrative DELETE r").consume();
                tx.run("MATCH (n:Body|Actor|Goal|Coverage) WHERE n.illustrative DETACH DELETE n").consume();
                tx.run("""
                        MATCH (r:GraphRevision {id: 'main'})
                        SET r.bundles = [b IN coalesce(r.bundles, []) WHERE b <> $bundle]""",
                        Map.of("bundle", bundle)).consume();
                GraphRevisions.bump(tx);
            });
        }
    }
}
