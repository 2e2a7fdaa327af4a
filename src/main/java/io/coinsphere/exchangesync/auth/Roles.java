package io.coinsphere.exchangesync.auth;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is an administrator ({@code coinsphere.security.admin-emails}, a comma list, empty by default). Everyone
 * else is a plain {@code USER}. SECURITY: there is no default admin and no default password; an operator
 * registers an account normally, lists its email here and restarts: {@link AdminGrants} then grants the role to
 * that existing account (never to one registered later, never by a token of an external issuer).
 *
 * @param adminEmails emails (any case) of existing accounts that get the {@code ADMIN} role at start-up
 */
@ConfigurationProperties(prefix = "coinsphere.security")
public record Roles(@DefaultValue List<String> adminEmails) {

    public static final String USER = "USER";
    public static final String ADMIN = "ADMIN";

    /** The roles of an account, from its {@code users.is_admin} flag. */
    public static List<String> of(boolean admin) {
        return admin ? List.of(USER, ADMIN) : List.of(USER);
    }

    /** The configured emails, normalized (lower case, no spaces), without blanks. */
    Set<String> adminEmailSet() {
        return adminEmails.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
