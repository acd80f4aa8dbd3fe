package se.samverkansvaven.security;

/** What a user may do; readers need no role at all (reading is open unless public-read is off). */
public enum Role {
    /** Edits bodies its municipalities or federations are a party to or convene. */
    EDITOR,
    /** Edits everything, loads bundles, purges, adds users. */
    ADMIN
}
