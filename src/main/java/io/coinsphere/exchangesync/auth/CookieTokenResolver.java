package io.coinsphere.exchangesync.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds the access token of an API request: the {@code Authorization: Bearer} header if there is one (it always
 * wins), else the session cookie. The cookie is read only on the API paths that need a login, so a stale cookie
 * never turns the sign-in page, login or registration into a 401. A request authenticated by the cookie is marked,
 * so that {@link SessionCsrfGuard} asks it for the CSRF token.
 */
final class CookieTokenResolver implements BearerTokenResolver {

    /** Request attribute set when the token came from the cookie. */
    static final String FROM_COOKIE = CookieTokenResolver.class.getName() + ".fromCookie";

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return header.resolve(request);
        }
        if (!readsCookie(path(request))) {
            return null;
        }
        String token = SessionCookies.value(request, SessionCookies.SESSION);
        if (token != null) {
            request.setAttribute(FROM_COOKIE, Boolean.TRUE);
        }
        return token;
    }

    /** True when this request was authenticated (or refused) on the strength of the session cookie. */
    static boolean usedCookie(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(FROM_COOKIE));
    }

    static boolean readsCookie(String path) {
        return path.startsWith("/api/v1/") && !path.equals("/api/v1/auth/login") && !path.equals("/api/v1/auth/register");
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
