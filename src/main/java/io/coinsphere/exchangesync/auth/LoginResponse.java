package io.coinsphere.exchangesync.auth;

/**
 * Answer to a successful login: a bearer JWT, its lifetime in seconds, and the CSRF token that a browser using the
 * session cookie instead of the bearer header sends in {@code X-CSRF-Token}.
 */
public record LoginResponse(String accessToken, String tokenType, long expiresIn, String csrfToken) {

    public static LoginResponse bearer(String accessToken, long expiresIn, String csrfToken) {
        return new LoginResponse(accessToken, "Bearer", expiresIn, csrfToken);
    }

    @Override
    public String toString() {
        // SECURITY: keep the token out of logs.
        return "LoginResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
}
