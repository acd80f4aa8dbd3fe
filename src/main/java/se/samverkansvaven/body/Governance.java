package se.samverkansvaven.body;

/** A federation's governing organ: förbundsfullmäktige or direktion. */
public enum Governance {
    ASSEMBLY, DIRECTORATE
}
