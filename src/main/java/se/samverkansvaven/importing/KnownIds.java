package se.samverkansvaven.importing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;

/**
 * The ids already in the database that a bundle may refer to outside itself, read once per import so validation
 * is hash look-ups. (Not the reference data of the {@code reference} package, which loads them.)
 *
 * @param actors   actor id to kind (null when the stored kind is not a known one)
 * @param bodies   body id to form (null when the stored form is not a known one)
 * @param coverage the stored coverage rows of the municipalities the bundle's coverage.csv names, by code
 */
record KnownIds(
        Set<String> municipalities,
        Set<String> areas,
        Set<String> sectors,
        Map<String, ActorKind> actors,
        Set<String> goals,
        Map<String, Form> bodies,
        Map<String, List<StoredCoverage>> coverage) {

    /** Without stored coverage rows (a bundle without coverage.csv needs none). */
    KnownIds(Set<String> municipalities, Set<String> areas, Set<String> sectors, Map<String, ActorKind> actors,
            Set<String> goals, Map<String, Form> bodies) {
        this(municipalities, areas, sectors, actors, goals, bodies, Map.of());
    }

    /** A stored coverage row; forms empty means every form. */
    record StoredCoverage(String id, List<Form> forms, LocalDate validFrom, LocalDate validTo, String source) {}

    KnownIds withCoverage(Map<String, List<StoredCoverage>> stored) {
        return new KnownIds(municipalities, areas, sectors, actors, goals, bodies, stored);
    }
}
