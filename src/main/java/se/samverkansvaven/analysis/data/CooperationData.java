package se.samverkansvaven.analysis.data;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.stream.Stream;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.Level;
import se.samverkansvaven.body.LinkKind;
import se.samverkansvaven.body.PartyRole;

/**
 * Everything the analyses read, as the graph stood on one date: immutable and free of Neo4j, so every
 * analysis is a plain function of it. Only what is active on {@code asOf} is here: bodies active on the
 * date, and of those only the party rows, conveners and links that are active too.
 *
 * @param municipalities every municipality by code, also those with no cooperation on the date
 * @param borders        BORDERS as an undirected graph; every municipality is a vertex
 * @param actors         non-municipal actors by id
 * @param bodies         bodies active on the date, every form, by id
 * @param links          LINKED_WITH relationships active on the date between active networks
 * @param areas          the service-area catalogue by id
 */
public record CooperationData(
        LocalDate asOf,
        SortedMap<String, Place> municipalities,
        Graph<String, DefaultEdge> borders,
        SortedMap<String, ActorInfo> actors,
        SortedMap<String, BodyInfo> bodies,
        List<NetworkLink> links,
        SortedMap<String, AreaInfo> areas) {

    /** A municipality with its centroid; population is optional input. */
    public record Place(String code, String name, String countyCode, double lat, double lon, Integer population) {}

    public record ActorInfo(String id, ActorKind kind, String name) {}

    public record AreaInfo(String id, String sector, String nameSv, String nameEn) {}

    /** What a party of a body is: a municipality (4-digit code), an actor, or a body (a network in an initiative). */
    public enum PartyType { MUNICIPALITY, ACTOR, BODY }

    /** One active PARTY_TO row. */
    public record PartyInfo(String partyId, PartyType type, PartyRole role) {}

    /**
     * An active body.
     *
     * @param sector    the network's own sector (networks only; may be set on others)
     * @param level     the network's level (networks only)
     * @param areas     the service areas it covers
     * @param sectors   the sectors of its areas, plus its own sector where it has one
     * @param seatCode  a federation's säte, else null
     * @param parties   party rows active on the date (at most one per party)
     * @param conveners ids or codes of who convenes it (networks and initiatives), active on the date
     * @param goals     goal ids it works on
     */
    public record BodyInfo(
            String id,
            Form form,
            String name,
            String sector,
            Level level,
            SortedSet<String> areas,
            SortedSet<String> sectors,
            String seatCode,
            List<PartyInfo> parties,
            SortedSet<String> conveners,
            SortedSet<String> goals,
            boolean illustrative) {

        public Stream<PartyInfo> partiesWithRole(PartyRole role) {
            return parties.stream().filter(p -> p.role() == role);
        }

        /** The municipality or region hosting a joint committee or agreement on the date, else null. */
        public String host() {
            return partiesWithRole(PartyRole.HOST).map(PartyInfo::partyId).findFirst().orElse(null);
        }

        public boolean hasParty(String partyId) {
            return parties.stream().anyMatch(p -> p.partyId().equals(partyId));
        }
    }

    /** An active LINKED_WITH between two networks; a and b are in ascending order. */
    public record NetworkLink(String a, String b, LinkKind kind) {}

    public static boolean isMunicipalityCode(String id) {
        return id.length() == 4 && id.chars().allMatch(Character::isDigit);
    }
}
