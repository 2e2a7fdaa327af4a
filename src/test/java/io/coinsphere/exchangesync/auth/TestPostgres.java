package io.coinsphere.exchangesync.auth;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real (embedded) PostgreSQL per test JVM for the auth integration tests; stopped by its shutdown hook, which
 * runs alongside Spring's: the contexts on it therefore run no fan-out that could outlive it.
 */
final class TestPostgres {

    private static EmbeddedPostgres postgres;

    private TestPostgres() {
    }

    static synchronized EmbeddedPostgres get() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
        }
        return postgres;
    }

    /** Points {@code spring.datasource.*} at the embedded database. */
    static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> get().getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
