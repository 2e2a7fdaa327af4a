package io.coinsphere.exchangesync.auth;

/** Answer to a successful login: a bearer JWT and its lifetime in seconds. */
public record LoginResponse(String accessToken, String tokenType, long expiresIn) {

    public static LoginResponse bearer(String accessToken, long expiresIn) {
        return new LoginResponse(accessToken, "Bearer", expiresIn);
    }

    @Override
    public String toString() {
        // SECURITY: keep the token out of logs.
        return "LoginResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
    }
}
