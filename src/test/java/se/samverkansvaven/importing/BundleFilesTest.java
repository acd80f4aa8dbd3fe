package se.samverkansvaven.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Reading a zipped bundle within bounds (issue 18, items 4 and 7), without Spring: a zip bomb is refused at the
 * unzipped-size limit while inflating, whatever its entries claim; too many entries are refused before
 * anything is inflated; and a zip cut short anywhere is a refusal naming it, never a partial bundle or an
 * IOException (which the web layer took for a client that went away and answered 200 with no body).
 */
class BundleFilesTest {

    private static final InputLimits ONE_MB = limits(1_000_000, DataSize.ofMegabytes(1));

    @TempDir
    Path dir;

    @Test
    void theDefaultUnzippedSizeIs512BytesPerRowOfTheRowLimit() {
        assertThat(limits(1_000_000, null).unzippedBytes()).isEqualTo(512_000_000L);
        assertThat(limits(3_000_000, null).unzippedBytes()).isEqualTo(1_536_000_000L);
        assertThat(ONE_MB.unzippedBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void aZipWhosePartiesExpandToAGigabyteIsRefusedNamingTheEntry() throws IOException {
        Path bomb = dir.resolve("bomb.zip");
        try (var zip = new ZipOutputStream(Files.newOutputStream(bomb))) {
            zip.putNextEntry(new ZipEntry("bodies.csv"));
            zip.write("id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("parties.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(2_000_000); // ~1 MB that expands to 1 GB

        assertThatThrownBy(() -> BundleFiles.fromZip(bomb, ONE_MB)).isInstanceOfSatisfying(BundleTooLargeException.class,
                e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.file()).isEqualTo("parties.csv");
                        assertThat(error.message()).contains("1048576 bytes").contains("samverkansvaven.limits.unzipped-size");
                    });
                });
    }

    /** The central directory says 100 bytes; the deflated data holds 8 MB. Counting, not trusting, stops it. */
    @Test
    void anEntryThatUnderstatesItsSizeIsStoppedWhileInflating() throws IOException {
        byte[] zip = zip("parties.csv", new byte[8 << 20]);
        Path lying = dir.resolve("lying.zip");
        Files.write(lying, withCentralDirectorySize(zip, 100));

        assertThatThrownBy(() -> BundleFiles.fromZip(lying, ONE_MB)).isInstanceOf(BundleTooLargeException.class)
                .hasMessageContaining("parties.csv");
    }

    @Test
    void moreEntriesThanAllowedAreRefusedBeforeReadingAny() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 65; i++) {
                zip.putNextEntry(new ZipEntry("f" + i + ".csv"));
                zip.closeEntry();
            }
        }
        Path many = dir.resolve("many.zip");
        Files.write(many, out.toByteArray());

        assertThatThrownBy(() -> BundleFiles.fromZip(many, ONE_MB)).isInstanceOfSatisfying(BundleTooLargeException.class,
                e -> assertThat(e.errors().getFirst().message()).contains("65 entries")
                        .contains("samverkansvaven.limits.zip-entries"));
    }

    @Test
    void aZipCutShortAnywhereIsRefusedNamingIt() throws IOException {
        byte[] whole = TestBundle.valid().toZip("bundle");
        assertThat(BundleFiles.fromZip(write(whole), ONE_MB).names()).contains("bodies.csv", "parties.csv");
        for (int length = 1; length < whole.length; length += 3) {
            Path cut = write(Arrays.copyOf(whole, length));
            int at = length;
            assertThatThrownBy(() -> BundleFiles.fromZip(cut, ONE_MB)).as("cut at " + at + " of " + whole.length)
                    .isExactlyInstanceOf(BundleRejectedException.class)
                    .satisfies(e -> assertThat(((BundleRejectedException) e).errors().getFirst().message())
                            .containsAnyOf("cut short", "not a zip file"));
        }
    }

    @Test
    void aStreamIsSpooledAndReadTheSame() throws IOException {
        byte[] whole = TestBundle.valid().toZip(null);
        var files = BundleFiles.fromZip(new java.io.ByteArrayInputStream(whole), ONE_MB);
        assertThat(files.files().get("bodies.csv")).isEqualTo(TestBundle.valid().toFiles().files().get("bodies.csv"));
        assertThat(files.names()).isEqualTo(TestBundle.valid().toFiles().names());
    }

    /** The defaults but for the rows per file and the unzipped size (null: derived from the rows). */
    private static InputLimits limits(int rowsPerFile, DataSize unzippedSize) {
        return new InputLimits(2000, rowsPerFile, 100_000, unzippedSize, 64, 1000, java.time.Duration.ofMinutes(15));
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = Files.createTempFile(dir, "cut", ".zip");
        Files.write(file, bytes);
        return file;
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** Rewrites the uncompressed size of every central directory header (signature PK\1\2, size at +24). */
    private static byte[] withCentralDirectorySize(byte[] zip, int size) {
        byte[] patched = zip.clone();
        ByteBuffer buffer = ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 <= patched.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) {
                buffer.putInt(i + 24, size);
            }
        }
        return patched;
    }
}
