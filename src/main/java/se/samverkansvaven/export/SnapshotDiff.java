package se.samverkansvaven.export;

import java.time.LocalDate;
import java.util.List;

/**
 * What changed between two snapshots (domain.md item 7), with the same filters on both dates. A body
 * started (ended) when it is in the second (first) snapshot only. Parties joined and left, roles and hosts
 * changed are counted in bodies active on both dates: a party joined when it holds no row in the body on
 * {@code from} and one on {@code to} (a party of a new body is part of "started", not "joined"). Links:
 * LINKED_WITH active with both networks on one date and not on the other.
 *
 * <p>Every row says {@code illustrative} when it rests on an illustrative row: the body (or a network of a
 * link), the party, or the party row, host row or link itself on either date.
 */
public record SnapshotDiff(
        LocalDate from,
        LocalDate to,
        List<BodyChange> bodiesStarted,
        List<BodyChange> bodiesEnded,
        List<PartyChange> partiesJoined,
        List<PartyChange> partiesLeft,
        List<HostChange> hostsChanged,
        List<RoleChange> rolesChanged,
        List<LinkChange> linksMade,
        List<LinkChange> linksEnded) {

    public record BodyChange(String body, String name, String form, boolean illustrative) {}

    /** role: the party's role on the date it holds one (to for joined, from for left). */
    public record PartyChange(String body, String bodyName, String party, String partyName, String role,
                              boolean illustrative) {}

    public record HostChange(String body, String name, List<String> before, List<String> after, boolean illustrative) {}

    public record RoleChange(String body, String bodyName, String party, String partyName, String before, String after,
                             boolean illustrative) {}

    /** aName, bName: the two networks' names. */
    public record LinkChange(String a, String aName, String b, String bName, String kind, boolean illustrative) {}
}
