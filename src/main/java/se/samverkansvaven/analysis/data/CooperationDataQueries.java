package se.samverkansvaven.analysis.data;

import org.springframework.stereotype.Component;
import se.samverkansvaven.database.CypherFiles;

/** The projection's Cypher, read once from {@code cypher/projection/*.cypher} on the classpath. */
@Component
public class CooperationDataQueries {

    private final String municipalities = load("municipalities");
    private final String actors = load("actors");
    private final String areas = load("areas");
    private final String bodies = load("bodies");
    private final String links = load("links");
    private final String coverage = load("coverage");

    String municipalities() { return municipalities; }
    String actors() { return actors; }
    String areas() { return areas; }
    String bodies() { return bodies; }
    String links() { return links; }
    String coverage() { return coverage; }

    static String load(String name) {
        return CypherFiles.load("cypher/projection/" + name + ".cypher");
    }
}
