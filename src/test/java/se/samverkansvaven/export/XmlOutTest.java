package se.samverkansvaven.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * XmlOut writes runs of plain characters whole; the bytes must be those of escaping one character at a time
 * (the rule in its Javadoc, written out below as the reference).
 */
class XmlOutTest {

    @Test
    void escapesAsDocumented() throws IOException {
        assertThat(render("a&b<c>d\"e'f\tg\nh\ri\u0001j", true))
                .isEqualTo("a&amp;b&lt;c&gt;d&quot;e&apos;f&#9;g&#10;h&#13;i\uFFFDj");
        assertThat(render("a&b<c>d\"e'f\tg\nh\ri\u0001j", false))
                .isEqualTo("a&amp;b&lt;c&gt;d\"e'f\tg\nh&#13;i\uFFFDj");
        assertThat(render("x\uD83D\uDE00y\uD83Dz\uDE00\uFFFE\uFFFF\uFFFD\u00e5", false))
                .isEqualTo("x\uD83D\uDE00y\uFFFDz\uFFFD\uFFFD\uFFFD\uFFFD\u00e5");
        assertThat(render("\uD83D", true)).isEqualTo("\uFFFD"); // a high surrogate at the end
        assertThat(render("", true)).isEmpty();
    }

    @Property
    void sameAsOneCharacterAtATime(@ForAll("texts") String text) throws IOException {
        assertThat(render(text, true)).isEqualTo(reference(text, true));
        assertThat(render(text, false)).isEqualTo(reference(text, false));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20),
                Arbitraries.strings().withChars("ab&<>\"'\t\n\r\u0001\uD83D\uDE00\uFFFE\uFFFF\uE000\u00e5").ofMaxLength(12));
    }

    /** The attribute value or the text of an element, as written. */
    private static String render(String text, boolean attribute) throws IOException {
        StringWriter out = new StringWriter();
        XmlOut xml = new XmlOut(out);
        if (attribute) {
            xml.empty("e", "a", text);
            return out.toString().substring("\n<e a=\"".length(), out.toString().length() - "\"/>".length());
        }
        xml.textElement("e", text);
        return out.toString().substring("\n<e>".length(), out.toString().length() - "</e>".length());
    }

    private static String reference(String value, boolean attribute) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&apos;" : "'");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
