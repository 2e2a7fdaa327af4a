package io.coinsphere.exchangesync.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.web.ApiError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Writes the API's JSON error body for 401 (no, invalid, expired or signed-out token), 403 and 403
 * {@code csrf_failed} answers of the filter chain.
 */
public class JsonSecurityErrors {

    private final ObjectMapper json;

    public JsonSecurityErrors(ObjectMapper json) {
        this.json = json;
    }

    /** 401 {@code unauthorized}, for a missing token as well as an invalid or expired one. */
    public AuthenticationEntryPoint entryPoint() {
        return entryPoint("Bearer");
    }

    /** The same 401 with another challenge, e.g. {@code Basic realm="..."} so that a browser asks for a login. */
    public AuthenticationEntryPoint entryPoint(String challenge) {
        return (request, response, exception) -> {
            if (CookieTokenResolver.usedCookie(request)) {
                // A stale or revoked session cookie would be refused on every call: let the browser drop it.
                SessionCookies.clear(request.isSecure()).forEach(c -> response.addHeader(HttpHeaders.SET_COOKIE, c));
            }
            unauthorized(response, challenge);
        };
    }

    /** 403 {@code forbidden}. */
    public AccessDeniedHandler accessDeniedHandler() {
        return (request, response, exception) -> forbidden(response, exception);
    }

    /** 403 {@code csrf_failed}: a cookie-authenticated write without the session's CSRF token. */
    public void csrfFailed(HttpServletResponse response) throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN,
                ApiError.of("csrf_failed", "Missing or invalid CSRF token (send it in X-CSRF-Token)", null));
    }

    private void unauthorized(HttpServletResponse response, String challenge) throws IOException {
        // SECURITY: one answer for "no token", "bad signature" and "expired"; the reason stays on the server.
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        write(response, HttpServletResponse.SC_UNAUTHORIZED, ApiError.of("unauthorized", "Authentication required", null));
    }

    private void forbidden(HttpServletResponse response, AccessDeniedException exception) throws IOException {
        write(response, HttpServletResponse.SC_FORBIDDEN, ApiError.of("forbidden", "Access denied", null));
    }

    private void write(HttpServletResponse response, int status, ApiError body) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        json.writeValue(response.getOutputStream(), body);
    }
}
