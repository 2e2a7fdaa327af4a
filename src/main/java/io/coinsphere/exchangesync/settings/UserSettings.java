package io.coinsphere.exchangesync.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** A user's preferences as stored in {@code users}: for now, the quote currency the portfolio is valued in. */
@Component
public class UserSettings {

    /** A user's own record: never the password hash. */
    public record Me(UUID userId, String email, String quoteCurrency) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public UserSettings(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Me> find(UUID userId) {
        List<Me> found = jdbc.query("SELECT id, email, quote_currency FROM users WHERE id = :id", Map.of("id", userId),
                (rs, row) -> new Me(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)));
        return found.stream().findFirst();
    }

    /** The user's quote currency; USD for a user that no longer exists (the request then finds nothing else either). */
    public String quoteCurrency(UUID userId) {
        return find(userId).map(Me::quoteCurrency).orElse("USD");
    }

    public boolean setQuoteCurrency(UUID userId, String quoteCurrency) {
        return jdbc.update("UPDATE users SET quote_currency = :quote WHERE id = :id",
                Map.of("id", userId, "quote", quoteCurrency)) == 1;
    }
}
