package se.samverkansvaven.reference;

/** The Cypher that writes reference data; every statement takes a $rows list and MERGEs. */
final class ReferenceQueries {

    private ReferenceQueries() {}

    static final String COUNTIES = """
            UNWIND $rows AS row
            MERGE (c:County {code: row.code})
            SET c.name = row.name""";

    static final String MUNICIPALITIES = """
            UNWIND $rows AS row
            MERGE (m:Municipality {code: row.code})
            SET m.name = row.name, m.countyCode = row.countyCode, m.lat = row.lat, m.lon = row.lon
            WITH m, row
            MATCH (c:County {code: row.countyCode})
            MERGE (m)-[:IN_COUNTY]->(c)""";

    static final String BORDERS = """
            UNWIND $rows AS row
            MATCH (a:Municipality {code: row.a}), (b:Municipality {code: row.b})
            MERGE (a)-[:BORDERS]->(b)""";

    static final String SECTORS = """
            UNWIND $rows AS row
            MERGE (s:Sector {id: row.id})
            SET s.nameSv = row.nameSv, s.nameEn = row.nameEn""";

    static final String AREAS = """
            UNWIND $rows AS row
            MERGE (a:ServiceArea {id: row.id})
            SET a.nameSv = row.nameSv, a.nameEn = row.nameEn, a.sector = row.sector, a.source = row.source
            WITH a, row
            MATCH (s:Sector {id: row.sector})
            MERGE (a)-[:IN_SECTOR]->(s)""";
}
