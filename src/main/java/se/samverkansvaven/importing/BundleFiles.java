package se.samverkansvaven.importing;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.springframework.core.io.ClassPathResource;

/**
 * A CSV bundle as file name to bytes, before any parsing. Unknown file names are kept, so the importer can
 * report them together with every other error.
 */
public final class BundleFiles {

    private final Map<String, byte[]> files;

    private BundleFiles(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** A bundle from file contents already in memory, e.g. in tests. */
    public static BundleFiles of(Map<String, byte[]> files) {
        return new BundleFiles(files);
    }

    /**
     * A zip of the bundle, its files either at the root or inside one top folder (what zipping a folder
     * gives). Folder entries and the metadata files of macOS archives are skipped. The stream (an upload) is
     * first written to a temporary file, so the zip is read through its central directory like
     * {@link #fromZip(Path, InputLimits)}, not held in the heap.
     *
     * @throws BundleRejectedException when the stream is empty, not a zip file, or damaged or cut short
     * @throws BundleTooLargeException when it has more entries or expands to more bytes than the limits allow
     */
    public static BundleFiles fromZip(InputStream zip, InputLimits limits) throws IOException {
        Path spooled = Files.createTempFile("bundle-", ".zip");
        try {
            try (var out = Files.newOutputStream(spooled)) {
                zip.transferTo(out);
            }
            return fromZip(spooled, limits);
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    /**
     * A zip file of the bundle, read through its central directory: an archive cut short (no end record) or
     * damaged is refused rather than read as far as it goes. The entry count is checked before anything is
     * inflated, and the bytes inflated are counted while reading, so a zip bomb stops at the limit
     * ({@link InputLimits#zipEntries()}, {@link InputLimits#unzippedBytes()}) whatever its entries claim.
     */
    public static BundleFiles fromZip(Path zip, InputLimits limits) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(zip)) {
            head = in.readNBytes(4);
        }
        if (head.length == 0) {
            throw rejected("the uploaded file is empty; send a zip file of the bundle's CSV files");
        }
        if (!isZip(head)) {
            throw rejected("the uploaded file is not a zip file; send a zip file of the bundle's CSV files");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        String reading = null;
        try (var file = new ZipFile(zip.toFile())) {
            if (file.size() > limits.zipEntries()) {
                throw new BundleTooLargeException("upload", "the zip file has " + file.size() + " entries; the most "
                        + "allowed is " + limits.zipEntries() + " (samverkansvaven.limits.zip-entries), and a bundle "
                        + "has at most " + (BundleFile.values().length + 1) + " files");
            }
            long left = limits.unzippedBytes();
            for (var it = file.entries(); it.hasMoreElements(); ) {
                ZipEntry entry = it.nextElement();
                String name = entry.getName().replace('\\', '/');
                if (entry.isDirectory() || isJunk(name)) {
                    continue;
                }
                reading = name;
                byte[] content;
                try (var in = file.getInputStream(entry)) {
                    content = readAtMost(in, entry.getSize(), entry.getSize() > left ? 0 : left, name, limits);
                }
                left -= content.length;
                if (entries.put(name, content) != null) {
                    throw rejected("the zip file holds '" + name + "' twice; a bundle has each file once");
                }
            }
        } catch (ZipException | EOFException e) {
            throw rejected((reading == null ? "the zip file" : "the entry '" + reading + "' of the zip file")
                    + " is damaged or cut short and cannot be read (" + e.getMessage() + "); nothing was loaded: "
                    + "send the whole zip file again");
        }
        if (entries.isEmpty()) {
            throw rejected("the zip file holds no files; it should hold bodies.csv, parties.csv and the other CSV files");
        }
        return new BundleFiles(stripTopFolder(entries));
    }

    /**
     * The entry's bytes, refused as soon as they pass {@code left} (the rest of the unzipped-size budget). The
     * buffer starts at the size the entry declares (when that fits the budget), so an honest entry is read
     * without the copies of a growing buffer; a lying one is still counted.
     */
    private static byte[] readAtMost(InputStream in, long declared, long left, String name, InputLimits limits)
            throws IOException {
        var out = new java.io.ByteArrayOutputStream((int) Math.max(32, Math.min(declared, Math.min(left, 1 << 30))));
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            if (out.size() + (long) n > left) {
                throw new BundleTooLargeException(name, "the files of the zip file expand to more than "
                        + limits.unzippedBytes() + " bytes, the most allowed (samverkansvaven.limits.unzipped-size); "
                        + "reading stopped in this file. Split the bundle, or raise the limit");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * The regular files of a folder (hidden files skipped). A folder that holds no files but exactly one
     * subfolder is read from that subfolder, as an unzipped archive with a top folder would be.
     */
    public static BundleFiles fromDirectory(Path directory) throws IOException {
        List<Path> regular = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.toList()) {
                if (child.getFileName().toString().startsWith(".")) {
                    continue;
                }
                if (Files.isRegularFile(child)) {
                    regular.add(child);
                } else if (Files.isDirectory(child)) {
                    folders.add(child);
                }
            }
        }
        if (regular.isEmpty() && folders.size() == 1) {
            return fromDirectory(folders.getFirst());
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Path file : regular) {
            files.put(file.getFileName().toString(), Files.readAllBytes(file));
        }
        return new BundleFiles(files);
    }

    /**
     * The bundle files under a classpath folder such as {@code bundles/vastra-gotaland}. A classpath folder
     * cannot be listed inside a jar, so this reads the known file names only.
     */
    public static BundleFiles fromClasspath(String location) {
        String folder = location.endsWith("/") ? location : location + "/";
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : BundleFile.fileNames()) {
            var resource = new ClassPathResource(folder + name);
            if (resource.exists()) {
                try (InputStream in = resource.getInputStream()) {
                    files.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + folder + name + " from the classpath", e);
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No bundle files under classpath:" + folder);
        }
        return new BundleFiles(files);
    }

    /** File name to content, sorted by name. */
    public Map<String, byte[]> files() {
        return files;
    }

    public Set<String> names() {
        return files.keySet();
    }

    private static boolean isZip(byte[] content) {
        // Local file header (PK\3\4) or the end record of an empty archive (PK\5\6).
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K'
                && ((content[2] == 3 && content[3] == 4) || (content[2] == 5 && content[3] == 6));
    }

    private static boolean isJunk(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return name.startsWith("__MACOSX/") || last.startsWith(".");
    }

    /** Drops the one top folder all entries share, if they share one. */
    private static Map<String, byte[]> stripTopFolder(Map<String, byte[]> entries) {
        String first = entries.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return entries;
        }
        String prefix = first.substring(0, slash + 1);
        if (!entries.keySet().stream().allMatch(name -> name.startsWith(prefix))) {
            return entries;
        }
        Map<String, byte[]> stripped = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> stripped.put(name.substring(prefix.length()), bytes));
        return stripped;
    }

    private static BundleRejectedException rejected(String message) {
        return new BundleRejectedException(List.of(new BundleError("upload", 0, null, message)));
    }
}
