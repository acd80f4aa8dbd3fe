package se.samverkansvaven.coverage;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.municipality.MunicipalityCoverage;

/** {@link MunicipalityCoverage} from the coverage rows, for {@code GET /api/municipalities/{code}}. */
@Component
class MunicipalityCoverageReader implements MunicipalityCoverage {

    private final CoverageReader reader;

    MunicipalityCoverageReader(CoverageReader reader) {
        this.reader = reader;
    }

    @Override
    public Known of(String code, LocalDate date, Set<Form> forms, boolean illustrative) {
        Coverage all = reader.on(date);
        Coverage coverage = illustrative ? all : all.withoutIllustrative();
        return new Known(coverage.covered(code, forms), illustrative && all.coveredOnlyByIllustrative(code, forms));
    }
}
