package se.samverkansvaven.export;

import java.io.IOException;
import java.io.Writer;

/**
 * A minimal streaming XML writer. Not {@code javax.xml.stream.XMLStreamWriter}: the JDK's writes line breaks
 * and tabs in attribute values as they are, and a parser then normalises them to spaces, so a name with a
 * newline would come back changed from GEXF (which keeps every value in attributes). Here attribute values
 * escape {@code & < > " '} and TAB, LF, CR as character references; text escapes {@code & < >} and CR.
 * Characters XML 1.0 cannot carry at all (other control characters, unpaired surrogates, U+FFFE, U+FFFF)
 * become U+FFFD.
 */
final class XmlOut {

    private final Writer out;
    private int depth;
    private boolean open; // a start tag is waiting for '>' or '/>'

    XmlOut(Writer out) {
        this.out = out;
    }

    XmlOut declaration() throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        return this;
    }

    /** Starts an element; attributes as name, value pairs (a null value leaves the attribute out). */
    XmlOut start(String name, String... attributes) throws IOException {
        closeStartTag(false);
        indent();
        out.write('<');
        out.write(name);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.write(' ');
                out.write(attributes[i]);
                out.write("=\"");
                escape(attributes[i + 1], true);
                out.write('"');
            }
        }
        open = true;
        depth++;
        return this;
    }

    XmlOut end(String name) throws IOException {
        depth--;
        if (open) {
            out.write("/>");
            open = false;
        } else {
            indent();
            out.write("</");
            out.write(name);
            out.write('>');
        }
        return this;
    }

    XmlOut empty(String name, String... attributes) throws IOException {
        start(name, attributes);
        return end(name);
    }

    /** An element holding only text: {@code <name attrs>text</name>} on one line. */
    XmlOut textElement(String name, String text, String... attributes) throws IOException {
        start(name, attributes);
        out.write('>');
        open = false;
        escape(text, false);
        out.write("</");
        out.write(name);
        out.write('>');
        depth--;
        return this;
    }

    /** Closes a pending start tag, e.g. before raw content is written after this writer is flushed. */
    XmlOut closeStartTag(boolean newline) throws IOException {
        if (open) {
            out.write('>');
            open = false;
        }
        if (newline) {
            out.write('\n');
        }
        return this;
    }

    void flush() throws IOException {
        out.flush();
    }

    private static final String INDENT = "\n" + "  ".repeat(16);

    private void indent() throws IOException {
        if (depth <= 16) {
            out.write(INDENT, 0, 1 + 2 * depth);
            return;
        }
        out.write('\n');
        for (int i = 0; i < depth; i++) {
            out.write("  ");
        }
    }

    /** Writes the runs of characters that need nothing whole, and a replacement for each character that does. */
    private void escape(String value, boolean attribute) throws IOException {
        int written = 0; // value[0, written) is out
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0xD800 && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'') {
                continue; // by far the most characters
            }
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> attribute ? "&quot;" : null;
                case '\'' -> attribute ? "&apos;" : null;
                case '\n' -> attribute ? "&#10;" : null;
                case '\r' -> "&#13;";
                case '\t' -> attribute ? "&#9;" : null;
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                        i++; // a pair, kept
                        yield null;
                    }
                    yield c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF ? "\uFFFD" : null;
                }
            };
            if (replacement != null) {
                out.write(value, written, i - written);
                out.write(replacement);
                written = i + 1;
            }
        }
        out.write(value, written, n - written);
    }
}
