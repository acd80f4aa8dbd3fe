package se.samverkansvaven.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samverkansvaven.body.Form;

/** domain.md item 8 on hand-made rows: dates, forms (empty = all), several rows together, illustrative rows. */
class CoverageTest {

    private static final LocalDate D = LocalDate.parse("2024-06-01");

    private static CoverageRow row(String code, Set<Form> forms, String from, String to, String source) {
        return new CoverageRow("id-" + code + forms + from + source, code, forms, LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to), source, "illustrative".equals(source));
    }

    @Test
    void aRowHoldsFromItsFirstDayUntilTheDayBeforeValidTo() {
        CoverageRow row = row("1496", Set.of(), "2024-06-01", "2024-06-02", "s");
        assertThat(row.activeOn(LocalDate.parse("2024-05-31"))).isFalse();
        assertThat(row.activeOn(LocalDate.parse("2024-06-01"))).isTrue();
        assertThat(row.activeOn(LocalDate.parse("2024-06-02"))).isFalse();
    }

    @Test
    void everyFormAskedForMustBeSpokenForOnTheDate() {
        Coverage coverage = new Coverage(D, List.of(
                row("1496", EnumSet.of(Form.FEDERATION), "2020-01-01", null, "A"),
                row("1496", EnumSet.of(Form.JOINT_COMMITTEE, Form.AGREEMENT), "2023-01-01", null, "B"),
                row("1497", Set.of(), "2020-01-01", "2024-01-01", "A"),  // ended before D
                row("1498", Set.of(), "2024-06-01", null, "A")));         // every form, from D
        assertThat(coverage.covered("1496", EnumSet.of(Form.FEDERATION))).isTrue();
        // two rows between them speak for FEDERATION and JOINT_COMMITTEE
        assertThat(coverage.covered("1496", EnumSet.of(Form.FEDERATION, Form.JOINT_COMMITTEE))).isTrue();
        assertThat(coverage.covered("1496", Form.DEFAULT_ANALYSIS_FORMS)).as("no row for COMPANY, ASSOCIATION").isFalse();
        assertThat(coverage.covered("1497", EnumSet.of(Form.FEDERATION))).as("ended").isFalse();
        assertThat(coverage.covered("1498", EnumSet.allOf(Form.class))).isTrue();
        assertThat(coverage.covered("1499", EnumSet.of(Form.FEDERATION))).as("no row at all").isFalse();
        assertThat(coverage.covered(List.of("1496", "1497", "1498", "1499"), EnumSet.of(Form.FEDERATION)))
                .containsExactly("1496", "1498");
        assertThat(coverage.rows("1496", EnumSet.of(Form.AGREEMENT))).extracting(CoverageRow::source).containsExactly("B");
        assertThat(coverage.municipalities()).containsExactly("1496", "1498");
    }

    @Test
    void withoutIllustrativeRowsOnlyRealStatementsCount() {
        Coverage coverage = new Coverage(D, List.of(
                row("1496", Set.of(), "2005-01-01", null, "illustrative"),
                row("1497", Set.of(), "2005-01-01", null, "illustrative"),
                row("1497", EnumSet.of(Form.FEDERATION), "2020-01-01", null, "KS 2019-12-10")));
        Coverage real = coverage.withoutIllustrative();
        assertThat(real.covered("1496", EnumSet.of(Form.FEDERATION))).isFalse();
        assertThat(real.covered("1497", EnumSet.of(Form.FEDERATION))).isTrue();
        assertThat(coverage.coveredOnlyByIllustrative("1496", EnumSet.of(Form.FEDERATION))).isTrue();
        assertThat(coverage.coveredOnlyByIllustrative("1497", EnumSet.of(Form.FEDERATION))).isFalse();
        assertThat(coverage.coveredOnlyByIllustrative("1497", EnumSet.of(Form.AGREEMENT))).isTrue();
    }
}
