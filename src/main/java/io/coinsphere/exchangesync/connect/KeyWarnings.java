package io.coinsphere.exchangesync.connect;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stores a key's standing warning (it may trade) on its connection: in {@code key_warning}, which
 * every successful sync copies into {@code last_error} while the status stays 'active'.
 */
@Component
public class KeyWarnings {

    private final JdbcTemplate jdbc;

    public KeyWarnings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void store(UUID userId, UUID connectionId, String warning) {
        jdbc.update("UPDATE exchange_connections SET key_warning = ?, last_error = ? WHERE id = ? AND user_id = ?",
                warning, warning, connectionId, userId);
    }
}
