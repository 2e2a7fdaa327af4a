package io.coinsphere.exchangesync.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * SECURITY: a browser attaches the session cookie by itself, so a write authenticated by the cookie must also
 * prove that it comes from our page: its {@code X-CSRF-Token} header must equal the {@code csrf} claim of the
 * token in the cookie (which another site can neither read nor guess). Bearer-header requests are not affected:
 * no browser adds that header on its own. Runs after the bearer-token filter, so the token is already verified.
 */
final class SessionCsrfGuard extends OncePerRequestFilter {

    static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final JsonSecurityErrors errors;

    SessionCsrfGuard(JsonSecurityErrors errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE.contains(request.getMethod()) || !CookieTokenResolver.usedCookie(request)) {
            chain.doFilter(request, response);
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken jwt)) {
            // Not authenticated after all: authorization answers 401 (or lets a public path through).
            chain.doFilter(request, response);
            return;
        }
        if (matches(jwt.getToken().getClaimAsString(TokenIssuer.CSRF_CLAIM), request.getHeader(HEADER))) {
            chain.doFilter(request, response);
            return;
        }
        errors.csrfFailed(response);
    }

    /** Constant-time comparison; a token without the claim never matches. */
    static boolean matches(String expected, String given) {
        if (expected == null || expected.isEmpty() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
