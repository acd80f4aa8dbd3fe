package se.samverkansvaven.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the embedded database's Bolt user {@code neo4j}, kept in the file {@value #FILE_NAME} in the
 * data directory, readable by its owner only (600): generated at the first start (256 random bits), read at
 * every later one, and set on the database's user at each start, so the file is the truth (delete it to get a
 * new one). Whoever may read the data directory may read the data anyway; nobody else learns the password.
 *
 * <p>{@link #toString()} never shows the password.
 */
final class EmbeddedSecret {

    static final String FILE_NAME = "neo4j-password";
    /** Neo4j's own minimum ({@code dbms.security.auth_minimum_password_length}); a generated one has 43. */
    static final int MIN_LENGTH = 8;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSecret.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final String password;
    private final boolean generated;

    private EmbeddedSecret(Path file, String password, boolean generated) {
        this.file = file;
        this.password = password;
        this.generated = generated;
    }

    /**
     * The secret of the database in {@code home}: read from its file, or generated and written there when the
     * file does not exist (a new data directory, or one from a version without it). A new {@code home} is
     * created readable by its owner only.
     */
    static EmbeddedSecret loadOrCreate(Path home) {
        try {
            createPrivateDirectory(home);
            Path file = home.resolve(FILE_NAME);
            if (Files.exists(file)) {
                return new EmbeddedSecret(file, read(file), false);
            }
            return new EmbeddedSecret(file, write(file), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the embedded database's password file in " + home, e);
        }
    }

    Path file() {
        return file;
    }

    String password() {
        return password;
    }

    /** True when this start made the file. */
    boolean generated() {
        return generated;
    }

    @Override
    public String toString() {
        return "EmbeddedSecret[file=" + file + ", password=***]";
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void createPrivateDirectory(Path home) throws IOException {
        if (Files.isDirectory(home)) {
            return;
        }
        if (posix(home)) {
            Files.createDirectories(home.toAbsolutePath().getParent());
            try {
                Files.createDirectory(home, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } catch (FileAlreadyExistsException raced) {
                // another process made it in the meantime: theirs stands
            }
        } else {
            Files.createDirectories(home);
        }
    }

    private static String read(Path file) throws IOException {
        if (posix(file)) {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
            if (!now.equals(OWNER_ONLY_FILE)) {
                // e.g. copied with a umask of 022: others on the machine must not read it
                Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
                log.warn("{} was {}; set to rw------- (readable by its owner only)", file, PosixFilePermissions.toString(now));
            }
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.length() < MIN_LENGTH || password.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalStateException(file + " must hold one password of at least " + MIN_LENGTH
                    + " characters without spaces; delete the file to have a new one generated at the next start");
        }
        return password;
    }

    private static String write(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // Written under another name with its final permissions from the start and then moved into place: the
        // password is never in a file others may read, and a crash leaves no half-written file.
        Path partial = file.resolveSibling(FILE_NAME + ".partial");
        Files.deleteIfExists(partial);
        if (posix(file)) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(EnumSet.copyOf(OWNER_ONLY_FILE)));
        } else {
            Files.createFile(partial);
            log.warn("{}: this file system has no POSIX permissions; restrict access to the file by other means", file);
        }
        Files.writeString(partial, password + "\n", StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        return password;
    }
}
