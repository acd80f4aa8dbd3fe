package se.samverkansvaven.analysis.scenario;

/**
 * One thing wrong with a scenario, in the user's terms.
 *
 * @param change the change's number, from 1; 0 for the scenario itself (its name or date)
 * @param field  the field of the change (or scenario) that is wrong
 */
public record ScenarioProblem(int change, String field, String message) {}
