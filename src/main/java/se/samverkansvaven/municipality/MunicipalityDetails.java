package se.samverkansvaven.municipality;

import java.time.LocalDate;
import java.util.List;

/** A municipality as of one date: where it is, who it borders, and the bodies it is in on that date. */
record MunicipalityDetails(
        String code,
        String name,
        County county,
        double lat,
        double lon,
        Integer population,
        LocalDate asOf,
        List<String> neighbours,
        List<Neighbour> neighbourNames,
        List<BodyRole> bodies) {

    record County(String code, String name) {}

    record Neighbour(String code, String name) {}

    /**
     * One body the municipality is in on the date, with its role there (MEMBER, HOST, PARTICIPANT, or
     * CONVENER for a network or initiative it runs). {@code illustrative}: the body or this row is invented.
     */
    record BodyRole(String id, String form, String name, String role, LocalDate since, LocalDate until,
                    List<String> areas, String source, boolean illustrative) {}
}
