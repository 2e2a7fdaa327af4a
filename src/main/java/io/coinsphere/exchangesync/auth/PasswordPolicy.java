package io.coinsphere.exchangesync.auth;

import io.coinsphere.exchangesync.web.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules for a new password ({@code coinsphere.security.password.*}): at least {@code minLength} characters, at
 * most {@value #MAX_BYTES} bytes in UTF-8 (BCrypt reads no further: a longer password is refused rather than
 * silently cut), and not the account's email. Login checks none of this, so tightening the rules never locks
 * out an existing account.
 *
 * @param minLength fewest characters (Unicode code points) of a new password, default 12
 */
@ConfigurationProperties(prefix = "coinsphere.security.password")
public record PasswordPolicy(@DefaultValue("12") int minLength) {

    /** BCrypt's input limit. */
    public static final int MAX_BYTES = 72;

    public PasswordPolicy {
        if (minLength < 8 || minLength > MAX_BYTES) {
            throw new IllegalArgumentException("coinsphere.security.password.min-length must be between 8 and " + MAX_BYTES);
        }
    }

    /** The problems of {@code password} for the account {@code email} (normalized), as field errors; empty if none. */
    public List<ApiError.FieldError> check(String password, String email) {
        List<ApiError.FieldError> problems = new ArrayList<>();
        if (password == null) {
            return problems;
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            problems.add(new ApiError.FieldError("password", "must be at least " + minLength + " characters"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add(new ApiError.FieldError("password",
                    "must be at most " + MAX_BYTES + " bytes in UTF-8 (72 plain letters, fewer accented or other characters)"));
        }
        if (email != null && password.strip().toLowerCase(Locale.ROOT).equals(email)) {
            problems.add(new ApiError.FieldError("password", "must not be your email address"));
        }
        return problems;
    }
}
