package se.samverkansvaven.editing;

import java.util.ArrayList;
import java.util.List;

/**
 * The whole editable state of one body, as the editing API reads and writes it: the body's own fields and
 * its party rows (role CONVENER for a convener), areas, goals and network links. Values are text exactly as
 * in a CSV bundle (dates {@code YYYY-MM-DD}), so the loader's validator checks them with its own messages.
 *
 * @param version the body's version; read it, send it back unchanged with an update
 */
public record BodyState(String id, String form, String name, String sector, String level, String governance,
        String seat, String validFrom, String validTo, String source, Long version,
        List<Party> parties, List<String> areas, List<String> goals, List<Link> links) {

    /** A party row, identified by (party, role, validFrom). */
    public record Party(String party, String role, String validFrom, String validTo, String representative,
            String source) {

        boolean sameRow(String otherParty, String otherRole, String otherFrom) {
            return java.util.Objects.equals(party, otherParty) && java.util.Objects.equals(role, otherRole)
                    && java.util.Objects.equals(emptyToNull(validFrom), emptyToNull(otherFrom));
        }

        String key() {
            return party + " " + role + " from " + (validFrom == null ? "the start" : validFrom);
        }

        String text() {
            return role + " " + (validFrom == null ? "" : validFrom) + ".." + (validTo == null ? "" : validTo)
                    + (representative == null ? "" : " representative " + representative)
                    + (source == null ? "" : " source " + source);
        }
    }

    /** A LINKED_WITH to another network, identified by (network, kind, validFrom). */
    public record Link(String network, String kind, String validFrom, String validTo, String source) {
        boolean sameLink(Link other) {
            return java.util.Objects.equals(network, other.network) && java.util.Objects.equals(kind, other.kind)
                    && java.util.Objects.equals(emptyToNull(validFrom), emptyToNull(other.validFrom));
        }

        String key() {
            return network + " " + kind + " from " + (validFrom == null ? "the start" : validFrom);
        }

        String text() {
            return kind + " " + (validFrom == null ? "" : validFrom) + ".." + (validTo == null ? "" : validTo)
                    + (source == null ? "" : " source " + source);
        }
    }

    public BodyState {
        parties = parties == null ? List.of() : List.copyOf(parties);
        areas = areas == null ? List.of() : List.copyOf(areas);
        goals = goals == null ? List.of() : List.copyOf(goals);
        links = links == null ? List.of() : List.copyOf(links);
    }

    BodyState withParties(List<Party> newParties) {
        return new BodyState(id, form, name, sector, level, governance, seat, validFrom, validTo, source, version,
                newParties, areas, goals, links);
    }

    BodyState withVersion(Long newVersion) {
        return new BodyState(id, form, name, sector, level, governance, seat, validFrom, validTo, source, newVersion,
                parties, areas, goals, links);
    }

    List<Party> partiesPlus(Party party) {
        List<Party> list = new ArrayList<>(parties);
        list.add(party);
        return list;
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
