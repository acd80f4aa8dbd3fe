package se.samverkansvaven.analysis.scenario;

/** 403: the user may not apply one of the changes (outside the editing scope), named in the message. */
class ScenarioAccessDenied extends RuntimeException {
    ScenarioAccessDenied(String message) {
        super(message);
    }
}
