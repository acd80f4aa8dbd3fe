package se.samverkansvaven.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How a source cell comes apart into citations (docs/data.md, "Citations"). */
class CitationTest {

    @Test
    void aCitationGivesItsLabelAddressAndReadDate() {
        Citation c = Citation.of("Nerikes Brandkår: Organisation. https://nerikesbrandkar.se/omoss/verksamhet/organisation/ (read 2026-12-02)");
        assertThat(c.label()).isEqualTo("Nerikes Brandkår: Organisation");
        assertThat(c.url()).isEqualTo("https://nerikesbrandkar.se/omoss/verksamhet/organisation/");
        assertThat(c.read()).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(c.illustrative()).isFalse();
    }

    @Test
    void severalCitationsAreSplitAtSemicolonSpaceEachOnce() {
        var parts = Citation.parse("A: Första. https://a.se/x?p=1&q=2 (read 2026-12-02); B: [Utan titel];  ; "
                + "A: Första. https://a.se/x?p=1&q=2 (read 2026-12-02)");
        assertThat(parts).extracting(Citation::label).containsExactly("A: Första", "B: [Utan titel]");
        assertThat(parts.get(0).url()).isEqualTo("https://a.se/x?p=1&q=2");
        assertThat(parts.get(1).url()).isNull();
        assertThat(parts.get(1).read()).isNull();
        assertThat(Citation.parse(null)).isEmpty();
        assertThat(Citation.parse("  ")).isEmpty();
    }

    @Test
    void textThatFollowsNoConventionIsShownAsItIs() {
        assertThat(Citation.of("Beslut KS 2026-05-01 §12").label()).isEqualTo("Beslut KS 2026-05-01 §12");
        assertThat(Citation.of("https://example.se/only-an-address").label()).isEqualTo("https://example.se/only-an-address");
        // not a date: stays in the label
        Citation odd = Citation.of("Protokoll (read 2026-13-45)");
        assertThat(odd.read()).isNull();
        assertThat(odd.label()).isEqualTo("Protokoll (read 2026-13-45)");
        assertThat(Citation.of("illustrative").illustrative()).isTrue();
    }
}
