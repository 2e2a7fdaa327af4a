package io.coinsphere.exchangesync.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseCookie;

/**
 * The two cookies of a browser session. {@value #SESSION} holds the access token: HttpOnly, so no script can read
 * it. {@value #CSRF} holds the token's CSRF value: readable, so the page can echo it in {@code X-CSRF-Token} and
 * knows that it had a session. Both are SameSite=Strict, Path=/, Secure when the request came over HTTPS, and
 * session cookies (no Max-Age): the token's own {@code exp} decides when the session ends, and closing the browser
 * ends it too.
 */
public final class SessionCookies {

    public static final String SESSION = "coinsphere_session";
    public static final String CSRF = "coinsphere_csrf";

    private SessionCookies() {
    }

    /** The Set-Cookie values that start a session. */
    public static List<String> start(LoginResponse login, boolean secure) {
        return List.of(cookie(SESSION, login.accessToken(), true, secure, -1),
                cookie(CSRF, login.csrfToken(), false, secure, -1));
    }

    /** The Set-Cookie values that end a session (Max-Age=0), whether or not the browser still holds one. */
    public static List<String> clear(boolean secure) {
        return List.of(cookie(SESSION, "", true, secure, 0), cookie(CSRF, "", false, secure, 0));
    }

    /** The value of the named cookie of the request, or null. */
    public static String value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && cookie.getValue() != null && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String cookie(String name, String value, boolean httpOnly, boolean secure, long maxAge) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(name, value == null ? "" : value)
                .path("/").httpOnly(httpOnly).secure(secure).sameSite("Strict");
        if (maxAge >= 0) {
            cookie.maxAge(maxAge);
        }
        return cookie.build().toString();
    }
}
