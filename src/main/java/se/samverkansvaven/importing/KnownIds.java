package se.samverkansvaven.importing;

import java.util.Map;
import java.util.Set;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;

/**
 * The ids already in the database that a bundle may refer to outside itself, read once per import so validation
 * is hash look-ups. (Not the reference data of the {@code reference} package, which loads them.)
 *
 * @param actors actor id to kind (null when the stored kind is not a known one)
 * @param bodies body id to form (null when the stored form is not a known one)
 */
record KnownIds(
        Set<String> municipalities,
        Set<String> areas,
        Set<String> sectors,
        Map<String, ActorKind> actors,
        Set<String> goals,
        Map<String, Form> bodies) {}
