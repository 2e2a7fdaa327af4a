package io.coinsphere.exchangesync.config;

import io.coinsphere.exchangesync.vault.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's superuser password: generated once into the data directory (mode 0600, like the
 * generated master key) and required for every connection, TCP and Unix socket alike. SECURITY: with zonky's
 * default {@code trust} authentication any local user could read and change every connection's ciphertexts.
 */
final class EmbeddedPostgresPassword {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresPassword.class);
    static final String FILE_NAME = "postgres.password";
    private static final Pattern TRUST = Pattern.compile("(?m)^(\\s*(?:local|host\\S*)\\s.*?\\s)trust(\\s*)$");

    private EmbeddedPostgresPassword() {
    }

    /** Reads the password file of {@code dataDir}, creating it with a random password on first use. */
    static String loadOrCreate(Path dataDir) throws IOException {
        Path file = file(dataDir);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        // URL-safe base64: no quote or backslash, so it is safe inside the SQL literal of ALTER ROLE.
        if (SecretFiles.createOwnerOnly(file, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n")) {
            LOG.info("Embedded PostgreSQL: generated its password into {}", file);
        } else {
            SecretFiles.warnIfShared(file);
        }
        String password = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (!password.matches("[A-Za-z0-9_-]{16,}")) {
            throw new IllegalStateException("The embedded PostgreSQL password file " + file + " is damaged:"
                    + " restore it (the server's role keeps the password it was generated with)");
        }
        return password;
    }

    static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** pg_hba.conf with every {@code trust} rule turned into {@code scram-sha-256}; unchanged if it has none. */
    static String withoutTrust(String hba) {
        return TRUST.matcher(hba).replaceAll("$1scram-sha-256$2");
    }

    /**
     * A data directory created before the password existed still trusts every local connection: sets the password
     * and switches its rules to password authentication (a reload, no restart).
     */
    static void enforce(Path pgData, DataSource superuser, String password) throws IOException, SQLException {
        Path hbaFile = pgData.resolve("pg_hba.conf");
        String hba = Files.readString(hbaFile, StandardCharsets.UTF_8);
        String strict = withoutTrust(hba);
        if (strict.equals(hba)) {
            return;
        }
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET password_encryption = 'scram-sha-256'");
            s.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Files.writeString(hbaFile, strict, StandardCharsets.UTF_8);
            s.execute("SELECT pg_reload_conf()");
        }
        LOG.warn("Embedded PostgreSQL: connections now need the generated password (was: trust for local connections)");
    }
}
