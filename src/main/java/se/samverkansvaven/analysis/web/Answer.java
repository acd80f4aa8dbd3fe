package se.samverkansvaven.analysis.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import se.samverkansvaven.analysis.ScopeCoverage;
import se.samverkansvaven.analysis.data.CooperationData;

/**
 * An analysis answer as the API writes it: the analysis' own fields, then whether the illustrative rows were
 * part of the data ({@code illustrativeIncluded}: false under {@code illustrative=false}) and what the data knows
 * about the scope ({@link ScopeCoverage}). One shape for every endpoint, so the pages read coverage one way.
 * With {@code scenario=}/{@code shared=} the answer names the scenario whose changes it shows (absent without).
 */
record Answer<T>(@JsonUnwrapped T result, boolean illustrativeIncluded, ScopeCoverage coverage,
                 @JsonInclude(JsonInclude.Include.NON_NULL) ScenarioLabel scenario) {

    /** The scenario an answer was computed with: its id (null when unsaved), name and number of changes. */
    record ScenarioLabel(String id, String name, int changes) {}

    static <T> Answer<T> of(T result, CooperationData data, ScopeCoverage coverage) {
        var tag = data.scenario();
        return new Answer<>(result, data.illustrativeIncluded(), coverage,
                tag == null ? null : new ScenarioLabel(tag.id(), tag.name(), tag.changes()));
    }
}
