package se.samverkansvaven.municipality;

import java.util.List;
import org.springframework.data.neo4j.repository.Neo4jRepository;
import org.springframework.data.neo4j.repository.query.Query;

interface MunicipalityRepository extends Neo4jRepository<Municipality, String> {

    @Query("MATCH (m:Municipality) RETURN m ORDER BY m.name, m.code")
    List<Municipality> findAllByName();
}
