package io.coinsphere.exchangesync.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Files that hold generated secrets (master key, JWT signing key): created owner-only, checked on reuse. */
public final class SecretFiles {

    private static final Logger LOG = LoggerFactory.getLogger(SecretFiles.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretFiles() {
    }

    /**
     * Creates {@code file} (and its directories) with {@code content}, mode 0600.
     *
     * @return false, writing nothing, when the file already exists
     */
    public static boolean createOwnerOnly(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            // SECURITY: the mode is set at creation, so there is no window in which the secret is readable by others.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: best effort.
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        return true;
    }

    /** Logs a WARN (path and mode only) when an existing secret file is readable by group or others. */
    public static void warnIfShared(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(perms)) {
                LOG.warn("The secret file {} is readable by other users ({}); restrict it to mode 0600", file,
                        PosixFilePermissions.toString(perms));
            }
        } catch (UnsupportedOperationException | IOException ignored) {
            // Not a POSIX file system: nothing to check.
        }
    }
}
