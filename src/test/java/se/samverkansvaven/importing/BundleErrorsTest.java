package se.samverkansvaven.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import org.junit.jupiter.api.Test;

/** The first N errors in report order are kept, whatever order they are found in; all are counted. */
class BundleErrorsTest {

    private static final Comparator<BundleError> BY_LINE = Comparator.comparingInt(BundleError::line);

    @Test
    void keepsTheFirstInReportOrderAndCountsTheRest() {
        var errors = new BundleErrors(3, BY_LINE);
        for (int line : new int[] {9, 4, 7, 2, 8, 3, 5}) {
            errors.add(new BundleError("parties.csv", line, null, "m" + line));
        }
        assertThat(errors.total()).isEqualTo(7);
        assertThat(errors.first()).extracting(BundleError::line).containsExactly(2, 3, 4);
        var rejection = errors.rejection();
        assertThat(rejection.errorCount()).isEqualTo(7);
        var problem = rejection.toProblem("t", "loaded");
        assertThat(problem.getProperties()).containsEntry("errorCount", 7L).containsEntry("errorsOmitted", 4L);
        assertThat(problem.getDetail()).startsWith("7 errors; nothing was loaded. The first 3 are listed");
    }

    @Test
    void errorsOnOneLineKeepTheOrderTheyWereFoundIn() {
        var errors = new BundleErrors(2, BY_LINE);
        errors.add(new BundleError("bodies.csv", 2, "name", "first"));
        errors.add(new BundleError("bodies.csv", 2, "form", "second"));
        errors.add(new BundleError("bodies.csv", 2, "id", "third"));
        assertThat(errors.first()).extracting(BundleError::message).containsExactly("first", "second");
    }

    @Test
    void nothingIsOmittedWhenAllFit() {
        var errors = new BundleErrors(1000, BY_LINE);
        errors.add(new BundleError("bodies.csv", 2, null, "only"));
        var problem = errors.rejection().toProblem("t", "loaded");
        assertThat(problem.getProperties()).containsEntry("errorCount", 1L).doesNotContainKey("errorsOmitted");
    }
}
