package io.coinsphere.exchangesync.auth;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic login for the management paths only (Hawtio in a browser cannot send a bearer token): the
 * account's email and password, checked against the users table with the same BCrypt hashing as the API
 * login, and the roles of {@link Roles}. Not a bean, so that no other filter chain picks it up.
 */
final class AdminLogin {

    private AdminLogin() {
    }

    static AuthenticationProvider provider(NamedParameterJdbcTemplate jdbc, PasswordHasher passwords, Roles roles) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users(jdbc, roles));
        provider.setPasswordEncoder(encoder(passwords));
        return provider;
    }

    static UserDetailsService users(NamedParameterJdbcTemplate jdbc, Roles roles) {
        return username -> {
            String email = AuthService.normalizeEmail(username);
            List<String> hashes = jdbc.queryForList("SELECT password_hash FROM users WHERE email = :email",
                    Map.of("email", email == null ? "" : email), String.class);
            if (hashes.isEmpty()) {
                // DaoAuthenticationProvider still spends one BCrypt check here, so timing does not reveal accounts.
                throw new UsernameNotFoundException("unknown");
            }
            return User.withUsername(email).password(hashes.get(0))
                    .authorities(AuthorityUtils.createAuthorityList(
                            roles.of(email).stream().map(r -> "ROLE_" + r).toArray(String[]::new)))
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
