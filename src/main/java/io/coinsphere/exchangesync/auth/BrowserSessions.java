package io.coinsphere.exchangesync.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The cookie side of login and logout, and the session lookup, for the routes of routes/auth.camel.yaml: sets the session cookies
 * after a login, signs a token out (cookie cleared, {@code jti} revoked) and describes the current session.
 */
@Component
public class BrowserSessions {

    /** Exchange property with the Set-Cookie values; the reply route adds them after dropping request headers. */
    static final String SET_COOKIES = "coinsphere.auth.setCookies";

    private final RevokedTokens revoked;

    public BrowserSessions(RevokedTokens revoked) {
        this.revoked = revoked;
    }

    /** After a successful login ({@link LoginResponse} body): the Set-Cookie headers of a new browser session. */
    public void start(Exchange exchange) {
        LoginResponse login = exchange.getMessage().getBody(LoginResponse.class);
        exchange.setProperty(SET_COOKIES, SessionCookies.start(login, secure(exchange)));
    }

    /** Revokes the caller's token (cookie or bearer) until it expires and clears the session cookies. */
    public Map<String, Object> logout(Exchange exchange) {
        revoked.revoke(CurrentUser.token(exchange));
        exchange.setProperty(SET_COOKIES, SessionCookies.clear(secure(exchange)));
        return Map.of("success", true, "message", "Signed out");
    }

    /** The signed-in user of the request; 401 (from the filter chain) when there is none. */
    public SessionResponse describe(Exchange exchange) {
        Jwt token = CurrentUser.token(exchange);
        UUID userId = CurrentUser.id(exchange);
        List<String> roles = token.getClaimAsStringList(TokenIssuer.ROLES_CLAIM);
        return new SessionResponse(true, userId, token.getClaimAsString("email"), roles == null ? List.of() : roles,
                String.valueOf(token.getExpiresAt()), token.getClaimAsString(TokenIssuer.CSRF_CLAIM));
    }

    /** HTTPS as the client sees it (Tomcat applies X-Forwarded-Proto when server.forward-headers-strategy is set). */
    static boolean secure(Exchange exchange) {
        HttpServletRequest request = CurrentUser.request(exchange);
        return request != null && request.isSecure();
    }
}
