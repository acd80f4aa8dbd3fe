package se.samverkansvaven.municipality;

import org.springframework.data.neo4j.core.schema.Id;
import org.springframework.data.neo4j.core.schema.Node;

/** A municipality node as Spring Data Neo4j maps it; relationships are read with date filters elsewhere. */
@Node("Municipality")
record Municipality(@Id String code, String name, String countyCode, Double lat, Double lon, Integer population) {}
