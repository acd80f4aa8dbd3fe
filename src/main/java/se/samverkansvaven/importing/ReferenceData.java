package se.samverkansvaven.importing;

import java.util.Map;
import java.util.Set;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;

/**
 * What a bundle may refer to outside itself, read from the database once per import so validation is
 * hash look-ups.
 *
 * @param actors actor id to kind (null when the stored kind is not a known one)
 * @param bodies body id to form (null when the stored form is not a known one)
 */
record ReferenceData(
        Set<String> municipalities,
        Set<String> areas,
        Set<String> sectors,
        Map<String, ActorKind> actors,
        Set<String> goals,
        Map<String, Form> bodies) {}
