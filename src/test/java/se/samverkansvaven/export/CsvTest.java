package se.samverkansvaven.export;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Formula neutralisation of CSV cells (OWASP CSV injection): a cell a spreadsheet would run gets a leading
 * {@code '}, and one {@code '} less is always the original value, which is how an exported bundle loads back.
 */
class CsvTest {

    @Test
    void cellsThatWouldRunAsFormulasGetALeadingQuote() {
        assertThat(Csv.neutralise("=HYPERLINK(\"http://evil.example\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
        assertThat(Csv.neutralise("+cmd|' /C calc'!A0")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(Csv.neutralise("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
        assertThat(Csv.neutralise("@SUM(1+1)")).isEqualTo("'@SUM(1+1)");
        assertThat(Csv.neutralise("\t=1")).isEqualTo("'\t=1");
        assertThat(Csv.neutralise("\r=1")).isEqualTo("'\r=1");
        assertThat(Csv.neutralise("'citat")).isEqualTo("''citat");
    }

    @Test
    void numbersAndPlainTextStayAsTheyAre() {
        for (String cell : new String[] {"-12.5", "+3", "-1e5", "57.7", "Skövde", "2020-01-01", "a=b", "", " =x"}) {
            assertThat(Csv.neutralise(cell)).isEqualTo(cell);
        }
        assertThat(Csv.neutralise(null)).isNull();
    }

    @Property
    void oneQuoteLessIsTheValue(@ForAll("cells") String cell) {
        String written = Csv.neutralise(cell);
        String read = written.startsWith("'") ? written.substring(1) : written;
        assertThat(read).isEqualTo(cell);
    }

    @Property
    void noNeutralisedCellStartsAFormula(@ForAll("cells") String cell) {
        String written = Csv.neutralise(cell);
        if (!written.isEmpty() && "=+-@\t\r".indexOf(written.charAt(0)) >= 0) {
            assertThat(written).matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
        }
    }

    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withChars("=+-@\t\r'0123456789.eE ab").ofMaxLength(8));
    }
}
