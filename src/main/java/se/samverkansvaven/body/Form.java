package se.samverkansvaven.body;

import java.util.EnumSet;
import java.util.Set;

/** The legal or practical form of a body (samverkansform), with the second Neo4j label it carries. */
public enum Form {
    FEDERATION("Federation"),
    JOINT_COMMITTEE("JointCommittee"),
    AGREEMENT("Agreement"),
    COMPANY("Company"),
    ASSOCIATION("Association"),
    NETWORK("Network"),
    INITIATIVE("Initiative");

    /** The forms an analysis uses when the caller names none: networks and initiatives are a separate layer. */
    public static final Set<Form> DEFAULT_ANALYSIS_FORMS =
            EnumSet.of(FEDERATION, JOINT_COMMITTEE, AGREEMENT, COMPANY, ASSOCIATION);

    private final String label;

    Form(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Joint committees and agreements have exactly one active HOST on every day they are active. */
    public boolean requiresHost() {
        return this == JOINT_COMMITTEE || this == AGREEMENT;
    }

    /** Only networks and initiatives have a convener. */
    public boolean mayHaveConvener() {
        return this == NETWORK || this == INITIATIVE;
    }

    /** The roles a party may hold in a body of this form (CONVENER is not a party role; see mayHaveConvener). */
    public Set<PartyRole> partyRoles() {
        return switch (this) {
            case FEDERATION, COMPANY, ASSOCIATION -> EnumSet.of(PartyRole.MEMBER);
            case JOINT_COMMITTEE, AGREEMENT -> EnumSet.of(PartyRole.HOST, PartyRole.PARTICIPANT);
            case NETWORK, INITIATIVE -> EnumSet.of(PartyRole.PARTICIPANT);
        };
    }
}
