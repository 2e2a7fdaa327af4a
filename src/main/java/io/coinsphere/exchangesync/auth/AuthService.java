package io.coinsphere.exchangesync.auth;

import io.coinsphere.exchangesync.web.ApiError;
import io.coinsphere.exchangesync.web.ApiException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration and login: validates, stores users with BCrypt hashes, checks passwords, issues tokens. */
@Service
public class AuthService {

    static final String DEFAULT_PORTFOLIO_NAME = "Main";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PasswordHasher passwords;
    private final TokenIssuer tokens;
    private final Validator validator;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;

    public AuthService(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, PasswordHasher passwords,
                       TokenIssuer tokens, Validator validator, PasswordPolicy policy,
                       ObjectProvider<LoginThrottle> throttle) {
        this.throttle = throttle.getIfAvailable(LoginThrottle::none);
        this.policy = policy;
        this.jdbc = jdbc;
        this.tx = tx;
        this.passwords = passwords;
        this.tokens = tokens;
        this.validator = validator;
    }

    /** Creates the user and its default portfolio in one transaction. 400 on invalid input, 409 on a taken email. */
    public RegisterResponse register(RegisterRequest request) {
        requireBody(request);
        RegisterRequest normalized = new RegisterRequest(normalizeEmail(request.email()), request.password());
        validate(normalized, policy.check(normalized.password(), normalized.email()));
        // Hash outside the transaction: BCrypt takes ~50-100 ms and needs no connection.
        String hash = passwords.hash(normalized.password());
        UUID userId = UUID.randomUUID();
        try {
            tx.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO users (id, email, password_hash) VALUES (:id, :email, :hash)",
                        Map.of("id", userId, "email", normalized.email(), "hash", hash));
                jdbc.update("INSERT INTO portfolios (id, user_id, name, is_default) VALUES (:id, :userId, :name, true)",
                        Map.of("id", UUID.randomUUID(), "userId", userId, "name", DEFAULT_PORTFOLIO_NAME));
            });
        } catch (DuplicateKeyException e) {
            // The unique index decides, so two concurrent registrations cannot both win.
            throw new ApiException(409, "email_taken", "An account with this email already exists");
        }
        return RegisterResponse.of(userId);
    }

    /** Checks the password and issues a token. Unknown email and wrong password give the same 401. */
    public LoginResponse login(LoginRequest request) {
        requireBody(request);
        LoginRequest normalized = new LoginRequest(normalizeEmail(request.email()), request.password());
        validate(normalized, List.of());
        Optional<Duration> wait = throttle.charge(normalized.email());
        if (wait.isPresent()) {
            throw new ApiException(429, "rate_limited", "Too many failed logins for this account: try again in "
                    + wait.get().toSeconds() + " s", List.of(), wait.get());
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT id, password_hash, is_admin FROM users WHERE email = :email", Map.of("email", normalized.email()));
        boolean ok = rows.isEmpty()
                ? passwords.matchesNothing(normalized.password())
                : passwords.matches(normalized.password(), (String) rows.get(0).get("password_hash"));
        if (ok) {
            throttle.refund(normalized.email());
        } else {
            // SECURITY: one answer, and one BCrypt check, whether or not the email exists (no account enumeration).
            throw new ApiException(401, "invalid_credentials", "Invalid email or password");
        }
        return tokens.issue((UUID) rows.get(0).get("id"), normalized.email(),
                Roles.of(Boolean.TRUE.equals(rows.get(0).get("is_admin"))));
    }

    // SECURITY: emails are compared lower-cased, so "A@x.io" and "a@x.io" cannot be two accounts.
    static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    private static void requireBody(Object request) {
        if (request == null) {
            throw ApiException.validation("body", "must be a JSON object");
        }
    }

    /** Bean Validation plus {@code more} problems, all in one 400 so the form shows every field at once. */
    private <T> void validate(T request, List<ApiError.FieldError> more) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty() || !more.isEmpty()) {
            throw ApiException.validation(Stream.concat(violations.stream()
                            .map(v -> new ApiError.FieldError(v.getPropertyPath().toString(), v.getMessage())), more.stream())
                    .distinct()
                    .sorted(Comparator.comparing(ApiError.FieldError::field).thenComparing(ApiError.FieldError::message))
                    .toList());
        }
    }
}
