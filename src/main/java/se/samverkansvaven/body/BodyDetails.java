package se.samverkansvaven.body;

import java.time.LocalDate;
import java.util.List;
import se.samverkansvaven.source.Citation;

/**
 * A body with its whole history. Every party row, convener and link carries its dates and whether it is
 * active on {@code asOf}, so a client can show both the state on a date and how it came about.
 * {@code sources} lists, once each and readable (docs/data.md "Citations"), every source the body row, its
 * party rows (a row without a source of its own rests on the body's), conveners and links rest on.
 */
record BodyDetails(
        String id,
        String form,
        String name,
        String sector,
        String level,
        String governance,
        Seat seat,
        LocalDate validFrom,
        LocalDate validTo,
        String source,
        boolean illustrative,
        LocalDate asOf,
        boolean active,
        List<Party> parties,
        List<Party> conveners,
        List<Area> areas,
        List<Goal> goals,
        List<Link> links,
        List<Citation> sources) {

    record Seat(String code, String name) {}

    /** @param type Municipality, Actor or Body */
    record Party(String party, String name, String type, String role, LocalDate validFrom, LocalDate validTo,
                 String representative, String source, boolean active) {}

    record Area(String id, String sector, String nameSv, String nameEn) {}

    record Goal(String id, String name) {}

    record Link(String network, String name, String kind, LocalDate validFrom, LocalDate validTo, String source,
                boolean active) {}

    /** Summary of a body for search results. */
    record Summary(String id, String form, String name, LocalDate validFrom, LocalDate validTo, boolean active,
                   boolean illustrative) {}

    static boolean active(LocalDate from, LocalDate to, LocalDate date) {
        return (from == null || !from.isAfter(date)) && (to == null || to.isAfter(date));
    }
}
