package io.coinsphere.exchangesync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void readsThePidDataDirectoryAndPortOfAPostmasterPidFile() {
        List<String> lines = List.of("4242", "/srv/data/postgres", "1733460000", "54321", "/tmp", "localhost",
                "  5432001  1", "ready");

        assertThat(LeftoverPostgres.PidFile.parse(lines))
                .contains(new LeftoverPostgres.PidFile(4242, "/srv/data/postgres", 54321));
        assertThat(LeftoverPostgres.PidFile.parse(List.of("4242"))).as("half-written while starting").isEmpty();
    }

    @Test
    void aPidFileWhoseProcessIsGoneIsLeftToPostgresql() throws IOException {
        // A pid that cannot be running: nothing to stop, and no failure.
        Files.writeString(dir.resolve("postmaster.pid"), Long.MAX_VALUE / 2 + "\n" + dir + "\n0\n5432\n");

        LeftoverPostgres.stopIfLeft(dir, Duration.ofSeconds(1));

        assertThat(dir.resolve("postmaster.pid")).exists();
    }

    @Test
    void trustRulesBecomePasswordRulesAndOthersStay() {
        String hba = """
                # TYPE  DATABASE        USER            ADDRESS                 METHOD
                local   all             all                                     trust
                host    all             all             127.0.0.1/32            trust
                host    all             all             ::1/128                 trust
                local   replication     all                                     trust
                host    all             all             10.0.0.0/8              reject
                """;

        String strict = EmbeddedPostgresPassword.withoutTrust(hba);

        assertThat(strict).doesNotContain(" trust").contains("10.0.0.0/8              reject")
                .contains("127.0.0.1/32            scram-sha-256").contains("# TYPE  DATABASE");
        assertThat(strict.lines().filter(l -> l.endsWith("scram-sha-256"))).hasSize(4);
        assertThat(EmbeddedPostgresPassword.withoutTrust(strict)).isEqualTo(strict);
    }

    @Test
    void thePasswordIsGeneratedOnceOwnerOnly() throws IOException {
        String first = EmbeddedPostgresPassword.loadOrCreate(dir);
        String again = EmbeddedPostgresPassword.loadOrCreate(dir);

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+").isEqualTo(again);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(EmbeddedPostgresPassword.file(dir))))
                .isEqualTo("rw-------");
    }
}
