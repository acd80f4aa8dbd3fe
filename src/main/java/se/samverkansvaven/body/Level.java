package se.samverkansvaven.body;

/** Nivå in the styrkedja (seed 002): where a network works. */
public enum Level {
    POLITICAL, STRATEGIC, TACTICAL, OPERATIONAL
}
