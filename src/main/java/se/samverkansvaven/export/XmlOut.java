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

    private void indent() throws IOException {
        out.write('\n');
        for (int i = 0; i < depth; i++) {
            out.write("  ");
        }
    }

    private void escape(String value, boolean attribute) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                case '"' -> out.write(attribute ? "&quot;" : "\"");
                case '\'' -> out.write(attribute ? "&apos;" : "'");
                case '\n' -> out.write(attribute ? "&#10;" : "\n");
                case '\r' -> out.write("&#13;");
                case '\t' -> out.write(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.write(c);
                        out.write(value.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        out.write('\uFFFD');
                    } else {
                        out.write(c);
                    }
                }
            }
        }
    }
}
