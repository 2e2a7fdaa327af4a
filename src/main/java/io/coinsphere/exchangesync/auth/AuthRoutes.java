package io.coinsphere.exchangesync.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.web.ApiError;
import io.coinsphere.exchangesync.web.ApiException;
import io.coinsphere.exchangesync.web.RestErrorPolicy;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestBindingMode;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/auth/register}, {@code /login}, {@code /logout} and {@code GET /api/v1/auth/session}: the REST
 * verbs hand off to {@code direct:auth-*} workers, which read JSON, call {@link AuthService} or
 * {@link BrowserSessions} and write JSON. Errors are thrown as {@link ApiException} for the shared translation.
 */
@Component
public class AuthRoutes extends RouteBuilder {

    private static final String JSON = "application/json";
    private final AuthService auth;
    private final BrowserSessions sessions;
    private final ObjectMapper json;

    public AuthRoutes(AuthService auth, BrowserSessions sessions, ObjectMapper json) {
        this.auth = auth;
        this.sessions = sessions;
        this.json = json;
    }

    @Override
    public void configure() {
        rest("/api/v1/auth").description("Registration and login")
            .post("/register").routeId("auth-rest-register")
                .description("Create an account and its default portfolio")
                // JSON is read and written in the worker routes, whatever the shared binding mode is.
                .bindingMode(RestBindingMode.off).consumes(JSON).produces(JSON)
                .type(RegisterRequest.class).outType(RegisterResponse.class)
                .responseMessage().code(201).message("Account created").responseModel(RegisterResponse.class).endResponseMessage()
                .responseMessage().code(400).message("validation_failed").responseModel(ApiError.class).endResponseMessage()
                .responseMessage().code(409).message("email_taken").responseModel(ApiError.class).endResponseMessage()
                .to("direct:auth-register")
            .post("/login").routeId("auth-rest-login")
                .description("Exchange email and password for a bearer token; also starts a browser session "
                        + "(HttpOnly cookie coinsphere_session, readable CSRF cookie coinsphere_csrf)")
                .bindingMode(RestBindingMode.off).consumes(JSON).produces(JSON)
                .type(LoginRequest.class).outType(LoginResponse.class)
                .responseMessage().code(200).message("Access token").responseModel(LoginResponse.class).endResponseMessage()
                .responseMessage().code(400).message("validation_failed").responseModel(ApiError.class).endResponseMessage()
                .responseMessage().code(401).message("invalid_credentials").responseModel(ApiError.class).endResponseMessage()
                .to("direct:auth-login")
            .post("/logout").routeId("auth-rest-logout")
                .description("Sign the token out until it expires and clear the session cookies")
                .bindingMode(RestBindingMode.off).produces(JSON)
                .responseMessage().code(200).message("Signed out").endResponseMessage()
                .responseMessage().code(401).message("unauthorized").responseModel(ApiError.class).endResponseMessage()
                .responseMessage().code(403).message("csrf_failed").responseModel(ApiError.class).endResponseMessage()
                .to("direct:auth-logout")
            .get("/session").routeId("auth-rest-session")
                .description("The signed-in user, the session's expiry and its CSRF token")
                .bindingMode(RestBindingMode.off).produces(JSON)
                .outType(SessionResponse.class)
                .responseMessage().code(200).message("Signed in").responseModel(SessionResponse.class).endResponseMessage()
                .responseMessage().code(401).message("unauthorized").responseModel(ApiError.class).endResponseMessage()
                .to("direct:auth-session");

        from("direct:auth-register").routeId("auth-register").routeConfigurationId(RestErrorPolicy.ID)
            .process(e -> e.getMessage().setBody(readJson(e, RegisterRequest.class)))
            .bean(auth, "register")
            .to("direct:auth-reply")
            .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(201));

        from("direct:auth-login").routeId("auth-login").routeConfigurationId(RestErrorPolicy.ID)
            .process(e -> e.getMessage().setBody(readJson(e, LoginRequest.class)))
            .bean(auth, "login")
            .bean(sessions, "start")
            .to("direct:auth-reply")
            .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200));

        from("direct:auth-logout").routeId("auth-logout").routeConfigurationId(RestErrorPolicy.ID)
            .bean(sessions, "logout")
            .to("direct:auth-reply")
            .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200));

        from("direct:auth-session").routeId("auth-session").routeConfigurationId(RestErrorPolicy.ID)
            .bean(sessions, "describe")
            .to("direct:auth-reply")
            .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(200));

        from("direct:auth-reply").routeId("auth-reply").routeConfigurationId(RestErrorPolicy.ID)
            // SECURITY: drop the request headers (Authorization, Cookie ...) so the HTTP binding does not
            // echo them into the response.
            .removeHeaders("*")
            // Login and logout set or clear the session cookies (a list: one Set-Cookie header per cookie).
            .setHeader("Set-Cookie", exchangeProperty(BrowserSessions.SET_COOKIES))
            .setHeader(Exchange.CONTENT_TYPE, constant(JSON))
            // Cache-Control: no-store comes from Spring Security's default headers.
            .marshal().json();
    }

    /**
     * Reads the JSON body; malformed JSON becomes a 400 {@link ApiException} (thrown outside any doTry, so the
     * shared error translation sees it). A null result (body "null") is refused by {@link AuthService}.
     */
    <T> T readJson(Exchange exchange, Class<T> type) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw ApiException.validation("body", "must be a JSON object");
        }
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            // SECURITY: Jackson's message quotes the input (a password, maybe); answer with a fixed text.
            throw ApiException.validation("body", "must be a JSON object");
        }
    }
}
