package se.samverkansvaven.body;

/** How two networks are linked (LINKED_WITH.kind). */
public enum LinkKind {
    JOINT_MEETING, SHARED_INITIATIVE, LIAISON, OTHER
}
