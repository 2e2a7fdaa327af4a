package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Browser sessions over real HTTP: the cookies, the CSRF rule for cookie writes, the session lookup, sign-out. */
class SessionIT extends AuthContext {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JwtDecoder jwtDecoder;

    @Test
    void loginSetsAnHttpOnlyStrictSessionCookieAndAReadableCsrfCookie() throws Exception {
        HttpResponse<String> login = newLogin();
        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode body = body(login);

        String session = setCookie(login, SessionCookies.SESSION);
        assertThat(session).startsWith(SessionCookies.SESSION + "=" + body.get("accessToken").asText() + ";")
                .contains("; Path=/", "; HttpOnly", "; SameSite=Strict")
                .doesNotContain("Secure", "Max-Age", "Expires");
        String csrf = setCookie(login, SessionCookies.CSRF);
        assertThat(csrf).startsWith(SessionCookies.CSRF + "=" + body.get("csrfToken").asText() + ";")
                .contains("; Path=/", "; SameSite=Strict")
                .doesNotContain("HttpOnly", "Secure");

        // Over HTTPS (here: a trusted proxy says so) both cookies are Secure.
        String email = unique("secure");
        post("/api/v1/auth/register", java.util.Map.of("email", email, "password", "a long password"));
        HttpResponse<String> overHttps = send("POST", "/api/v1/auth/login",
                json.writeValueAsString(java.util.Map.of("email", email, "password", "a long password")),
                "X-Forwarded-Proto", "https");
        assertThat(setCookie(overHttps, SessionCookies.SESSION)).contains("; Secure", "; HttpOnly");
        assertThat(setCookie(overHttps, SessionCookies.CSRF)).contains("; Secure");
        // Registration does not sign in.
        assertThat(post("/api/v1/auth/register", java.util.Map.of("email", unique("plain"), "password", "a long password"))
                .headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void theCookieOpensTheApiAndWritesNeedTheCsrfToken() throws Exception {
        HttpResponse<String> login = newLogin();
        String cookie = cookieHeader(login);
        String csrf = body(login).get("csrfToken").asText();
        String path = "/api/v1/exchanges/connections/" + UUID.randomUUID();
        String patch = "{\"label\":\"x\"}";

        assertThat(send("GET", "/api/v1/exchanges/connections", null, "Cookie", cookie).statusCode()).isEqualTo(200);
        JsonNode session = body(send("GET", "/api/v1/auth/session", null, "Cookie", cookie));
        assertThat(session.get("authenticated").asBoolean()).isTrue();
        assertThat(session.get("csrfToken").asText()).isEqualTo(csrf);
        assertThat(session.get("roles").get(0).asText()).isEqualTo("USER");
        assertThat(java.time.Instant.parse(session.get("expiresAt").asText())).isAfter(java.time.Instant.now());

        // A write the way another site could make the browser send it: the cookie, but no (or a wrong) token.
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            String target = method.equals("POST") ? "/api/v1/exchanges/test"
                    : method.equals("PUT") ? path + "/credentials" : path;
            String body = method.equals("DELETE") ? null : patch;
            for (String[] headers : List.of(new String[] {"Cookie", cookie},
                    new String[] {"Cookie", cookie, "X-CSRF-Token", csrf + "x"},
                    new String[] {"Cookie", cookie, "X-CSRF-Token", ""})) {
                HttpResponse<String> refused = send(method, target, body, headers);
                assertThat(refused.statusCode()).as("%s %s", method, target).isEqualTo(403);
                assertThat(refused.body()).startsWith("{\"success\":false,\"error\":\"csrf_failed\",");
            }
        }
        // With the token the request goes through to the route (another user's or no connection: 404).
        HttpResponse<String> allowed = send("PATCH", path, patch, "Cookie", cookie, "X-CSRF-Token", csrf);
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(404);
        // Bearer clients need no CSRF token, and the header wins over a cookie.
        String token = body(login).get("accessToken").asText();
        assertThat(send("PATCH", path, patch, "Authorization", "Bearer " + token).statusCode()).isEqualTo(404);
        HttpResponse<String> other = newLogin();
        JsonNode whoAmI = body(send("GET", "/api/v1/auth/session", null,
                "Authorization", "Bearer " + body(other).get("accessToken").asText(), "Cookie", cookie));
        assertThat(whoAmI.get("userId").asText()).isEqualTo(jwtDecoder.decode(body(other).get("accessToken").asText()).getSubject());
        assertThat(send("PATCH", path, patch, "Authorization", "Bearer " + body(other).get("accessToken").asText(),
                "Cookie", cookie).statusCode()).as("no CSRF token needed when the bearer header is used").isEqualTo(404);
    }

    @Test
    void signOutClearsTheCookiesAndTheTokenStopsWorking() throws Exception {
        HttpResponse<String> login = newLogin();
        String cookie = cookieHeader(login);
        String csrf = body(login).get("csrfToken").asText();
        String token = body(login).get("accessToken").asText();

        HttpResponse<String> forged = send("POST", "/api/v1/auth/logout", null, "Cookie", cookie);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/auth/session", token).statusCode()).as("a refused sign-out changes nothing").isEqualTo(200);

        HttpResponse<String> logout = send("POST", "/api/v1/auth/logout", null, "Cookie", cookie, "X-CSRF-Token", csrf);
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(body(logout).get("success").asBoolean()).isTrue();
        assertThat(setCookie(logout, SessionCookies.SESSION)).startsWith(SessionCookies.SESSION + "=;").contains("Max-Age=0", "HttpOnly");
        assertThat(setCookie(logout, SessionCookies.CSRF)).startsWith(SessionCookies.CSRF + "=;").contains("Max-Age=0");
        String jti = jwtDecoder.decode(token).getId();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM revoked_tokens WHERE jti = ?", Integer.class, jti)).isOne();

        // The signed-out token is refused everywhere until it expires, as a cookie or as a bearer token.
        assertThat(get("/api/v1/exchanges/connections", token).body()).isEqualTo(UNAUTHORIZED);
        HttpResponse<String> stale = send("GET", "/api/v1/auth/session", null, "Cookie", cookie);
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(setCookie(stale, SessionCookies.SESSION)).as("a refused cookie is cleared").contains("Max-Age=0");
        assertThat(get("/actuator/prometheus", token).statusCode()).isEqualTo(401);

        // API clients sign out the same way, with the bearer header and no CSRF token.
        String apiToken = body(newLogin()).get("accessToken").asText();
        assertThat(send("POST", "/api/v1/auth/logout", null, "Authorization", "Bearer " + apiToken).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/auth/session", apiToken).statusCode()).isEqualTo(401);
    }

    @Test
    void aStaleCookieNeverBlocksSigningInOrThePages() throws Exception {
        String stale = SessionCookies.SESSION + "=expired.or.forged; " + SessionCookies.CSRF + "=whatever";
        String email = unique("stale");
        post("/api/v1/auth/register", java.util.Map.of("email", email, "password", "a long password"));

        HttpResponse<String> login = send("POST", "/api/v1/auth/login",
                json.writeValueAsString(java.util.Map.of("email", email, "password", "a long password")), "Cookie", stale);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/", null, "Cookie", stale).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/exchanges", null, "Cookie", stale).statusCode()).isEqualTo(200);
        HttpResponse<String> session = send("GET", "/api/v1/auth/session", null, "Cookie", stale);
        assertThat(session.statusCode()).isEqualTo(401);
        assertThat(session.body()).isEqualTo(UNAUTHORIZED);
        assertThat(get("/api/v1/auth/session", null).statusCode()).isEqualTo(401);
    }

    /** The Set-Cookie header of the named cookie (exactly one). */
    static String setCookie(HttpResponse<String> response, String name) {
        List<String> found = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).toList();
        assertThat(found).as("Set-Cookie %s in %s", name, response.headers().allValues("Set-Cookie")).hasSize(1);
        return found.get(0);
    }

    /** What a browser sends back after this login: {@code Cookie: name=value; name=value}. */
    static String cookieHeader(HttpResponse<String> login) {
        return String.join("; ", login.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';'))).toList());
    }
}
