package io.coinsphere.exchangesync.auth;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic login for the management paths only (Hawtio in a browser cannot send a bearer token): the
 * account's email and password, checked against the users table with the same BCrypt hashing as the API
 * login, and the account's roles ({@code users.is_admin}, see {@link AdminGrants}). Not a bean, so that no other filter chain picks it up.
 */
final class AdminLogin {

    private AdminLogin() {
    }

    static AuthenticationProvider provider(NamedParameterJdbcTemplate jdbc, PasswordHasher passwords, LoginThrottle throttle) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users(jdbc));
        provider.setPasswordEncoder(encoder(passwords));
        return throttled(provider, throttle);
    }

    /**
     * SECURITY: the account's failed-login bucket is charged before the password is checked and refunded after a
     * right one, the same bucket as the API login's; an empty bucket is a 401 without any check.
     */
    static AuthenticationProvider throttled(AuthenticationProvider provider, LoginThrottle throttle) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String email = AuthService.normalizeEmail(authentication.getName());
                if (throttle.charge(email).isPresent()) {
                    throw new BadCredentialsException("too many failed logins for this account");
                }
                Authentication result = provider.authenticate(authentication);
                throttle.refund(email);
                return result;
            }

            @Override
            public boolean supports(Class<?> type) {
                return provider.supports(type);
            }
        };
    }

    static UserDetailsService users(NamedParameterJdbcTemplate jdbc) {
        return username -> {
            String email = AuthService.normalizeEmail(username);
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT password_hash, is_admin FROM users WHERE email = :email",
                    Map.of("email", email == null ? "" : email));
            if (rows.isEmpty()) {
                // DaoAuthenticationProvider still spends one BCrypt check here, so timing does not reveal accounts.
                throw new UsernameNotFoundException("unknown");
            }
            return User.withUsername(email).password((String) rows.get(0).get("password_hash"))
                    .authorities(AuthorityUtils.createAuthorityList(Roles.of(Boolean.TRUE.equals(rows.get(0).get("is_admin")))
                            .stream().map(r -> "ROLE_" + r).toArray(String[]::new)))
                    .build();
        };
    }

    /** {@link PasswordHasher} as Spring's encoder: same pre-hashing of long passwords as the API login. */
    static PasswordEncoder encoder(PasswordHasher passwords) {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return passwords.hash(raw.toString());
            }

            @Override
            public boolean matches(CharSequence raw, String hash) {
                return hash != null && passwords.matches(raw.toString(), hash);
            }
        };
    }
}
