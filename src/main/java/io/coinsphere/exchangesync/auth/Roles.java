package io.coinsphere.exchangesync.auth;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who is an administrator ({@code coinsphere.security.admin-emails}, a comma list, empty by default).
 * Everyone else is a plain {@code USER}. SECURITY: there is no default admin and no default password; an
 * operator registers an account normally and lists its email here.
 *
 * @param adminEmails emails (any case) whose accounts get the {@code ADMIN} role at login
 */
@ConfigurationProperties(prefix = "coinsphere.security")
public record Roles(@DefaultValue List<String> adminEmails) {

    public static final String USER = "USER";
    public static final String ADMIN = "ADMIN";

    /** The roles of an account, from its (normalized, lower-case) email. */
    public List<String> of(String email) {
        return email != null && admins().contains(email) ? List.of(USER, ADMIN) : List.of(USER);
    }

    private Set<String> admins() {
        return adminEmails.stream().map(e -> e.strip().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
