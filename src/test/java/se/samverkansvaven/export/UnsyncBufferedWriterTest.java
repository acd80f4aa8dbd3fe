package se.samverkansvaven.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever mix of calls, and whatever the buffer size, the text out is the text written, in order. */
class UnsyncBufferedWriterTest {

    @Property
    void writesWhatItIsGivenInOrder(@ForAll("pieces") List<String> pieces, @ForAll("sizes") int size)
            throws IOException {
        StringWriter target = new StringWriter();
        UnsyncBufferedWriter writer = new UnsyncBufferedWriter(target, size);
        StringBuilder expected = new StringBuilder();
        int call = 0;
        for (String piece : pieces) {
            switch (call++ % 4) {
                case 0 -> writer.write(piece);
                case 1 -> writer.write(piece.toCharArray(), 0, piece.length());
                case 2 -> {
                    for (char c : piece.toCharArray()) {
                        writer.write(c);
                    }
                }
                default -> writer.write("<" + piece + ">", 1, piece.length());
            }
            expected.append(piece);
        }
        writer.flush();
        assertThat(target.toString()).isEqualTo(expected.toString());
    }

    @Provide
    Arbitrary<List<String>> pieces() {
        return Arbitraries.strings().ofMaxLength(40).list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<Integer> sizes() {
        return Arbitraries.integers().between(1, 64);
    }
}
