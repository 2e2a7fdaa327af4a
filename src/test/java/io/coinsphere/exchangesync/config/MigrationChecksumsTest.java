package io.coinsphere.exchangesync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Flyway migrations are append-only: a database that ran a migration never runs it again, so editing or deleting
 * one leaves installed databases with a different schema than new ones (and Flyway refuses to start on the changed
 * checksum). The list in {@code src/test/resources/db/migrations.sha256} ({@code sha256sum} format) is what has been
 * released; a new migration adds its line there, and only with a version above every listed one.
 */
class MigrationChecksumsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path RELEASED = Path.of("src/test/resources/db/migrations.sha256");

    @Test
    void noReleasedMigrationIsEditedOrDeleted() throws IOException {
        for (Map.Entry<String, String> released : released().entrySet()) {
            Path file = MIGRATIONS.resolve(released.getKey());
            assertThat(file).as("released migration %s was deleted", released.getKey()).exists();
            assertThat(sha256(file)).as("released migration %s was edited: add a new migration instead", released.getKey())
                    .isEqualTo(released.getValue());
        }
    }

    @Test
    void everyMigrationIsListedAndNewOnesComeLast() throws IOException {
        Map<String, String> released = released();
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> listing = Files.list(MIGRATIONS)) {
            listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).forEach(files::add);
        }
        assertThat(released.keySet()).as("add each new migration's line to %s (sha256sum format)", RELEASED)
                .containsExactlyInAnyOrderElementsOf(files);
        int last = 0;
        for (String name : released.keySet()) {
            int version = version(name);
            assertThat(version).as("%s is listed after a higher version: versions only grow", name).isGreaterThan(last);
            last = version;
        }
    }

    private static Map<String, String> released() throws IOException {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String line : Files.readAllLines(RELEASED)) {
            if (!line.isBlank()) {
                String[] parts = line.trim().split("\\s+", 2);
                byName.put(parts[1].replaceFirst("^\\*", ""), parts[0]);
            }
        }
        return byName;
    }

    private static int version(String name) {
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
