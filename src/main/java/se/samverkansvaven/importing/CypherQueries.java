package se.samverkansvaven.importing;

import se.samverkansvaven.database.CypherFiles;

/** The loader's Cypher, from {@code cypher/importing/*.cypher} on the classpath. */
final class CypherQueries {

    private CypherQueries() {}

    /** One statement, comment lines removed. */
    static String load(String name) {
        return CypherFiles.load("cypher/importing/" + name + ".cypher");
    }
}
