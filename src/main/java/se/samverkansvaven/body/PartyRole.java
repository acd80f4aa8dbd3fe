package se.samverkansvaven.body;

/** A party's role in a body. CONVENER rows of a bundle become CONVENES relationships, not PARTY_TO. */
public enum PartyRole {
    MEMBER, HOST, PARTICIPANT, CONVENER
}
