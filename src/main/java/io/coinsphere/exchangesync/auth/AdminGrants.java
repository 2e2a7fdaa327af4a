package io.coinsphere.exchangesync.auth;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * SECURITY: binds the ADMIN role to accounts, once, at start-up: an account that already exists under an email
 * of {@code coinsphere.security.admin-emails} gets it (logged), and an account no longer listed loses it and its
 * tokens. Registration verifies no email, so an address listed before its owner registered must not make whoever
 * registers it first an administrator; an account registered after start-up is an administrator only after the
 * next start (the log says who was granted). The role is read from the account at every login.
 */
@Component
public class AdminGrants implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AdminGrants.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Roles roles;

    public AdminGrants(NamedParameterJdbcTemplate jdbc, Roles roles) {
        this.jdbc = jdbc;
        this.roles = roles;
    }

    @Override
    public void run(ApplicationArguments args) {
        apply();
    }

    /** Grants and revokes as configured; returns the emails that hold the role afterwards. */
    public Set<String> apply() {
        Set<String> configured = roles.adminEmailSet();
        // An empty IN list is invalid SQL; no real email is empty.
        List<String> listed = configured.isEmpty() ? List.of("") : List.copyOf(configured);
        List<String> granted = jdbc.queryForList("UPDATE users SET is_admin = true WHERE email IN (:emails) AND NOT is_admin"
                + " RETURNING email", Map.of("emails", listed), String.class);
        granted.forEach(email -> LOG.warn("ADMIN role granted to the existing account {} (coinsphere.security.admin-emails)", email));
        // Tokens issued up to the end of this second are refused: iat has whole seconds.
        List<String> revoked = jdbc.queryForList("UPDATE users SET is_admin = false,"
                + " tokens_valid_after = date_trunc('second', now()) + interval '1 second'"
                + " WHERE is_admin AND email NOT IN (:emails) RETURNING email", Map.of("emails", listed), String.class);
        revoked.forEach(email -> LOG.warn("ADMIN role removed from {}; its tokens are revoked", email));
        Set<String> admins = new TreeSet<>(jdbc.queryForList("SELECT email FROM users WHERE is_admin", Map.of(), String.class));
        for (String email : configured) {
            if (!admins.contains(email)) {
                LOG.warn("coinsphere.security.admin-emails lists {}, but no account has it: register it, then restart"
                        + " to grant ADMIN", email);
            }
        }
        return admins;
    }
}
