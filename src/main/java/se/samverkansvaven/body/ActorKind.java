package se.samverkansvaven.body;

/** Kinds of non-municipal actor. Only REGION actors are nodes of the actor projection P. */
public enum ActorKind {
    REGION, AGENCY, ACADEMIA, OTHER
}
