package se.samverkansvaven.analysis.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import se.samverkansvaven.analysis.ScopeCoverage;
import se.samverkansvaven.analysis.data.CooperationData;

/**
 * An analysis answer as the API writes it: the analysis' own fields, then whether the illustrative rows were
 * part of the data ({@code illustrativeIncluded}: false under {@code illustrative=false}) and what the data knows
 * about the scope ({@link ScopeCoverage}). One shape for every endpoint, so the pages read coverage one way.
 */
record Answer<T>(@JsonUnwrapped T result, boolean illustrativeIncluded, ScopeCoverage coverage) {

    static <T> Answer<T> of(T result, CooperationData data, ScopeCoverage coverage) {
        return new Answer<>(result, data.illustrativeIncluded(), coverage);
    }
}
