package io.coinsphere.exchangesync.auth;

import io.coinsphere.exchangesync.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The authenticated user of a REST exchange. platform-http on Spring Boot runs routes on an executor thread,
 * so the thread-bound SecurityContextHolder is usually empty there: the authentication is read from the
 * servlet request, where the bearer-token filter stores it as a request attribute.
 */
public final class CurrentUser {

    private static final String CONTEXT_ATTRIBUTE = RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME;

    private CurrentUser() {
    }

    /** The user id (JWT {@code sub}); throws {@link ApiException} 401 when the exchange is not authenticated. */
    public static UUID id(Exchange exchange) {
        try {
            return UUID.fromString(token(exchange).getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            // A validly signed token whose subject is not a user id: treat as unauthenticated.
            throw new ApiException(401, "unauthorized", "Authentication required");
        }
    }

    /** The verified access token of the exchange; throws {@link ApiException} 401 when there is none. */
    public static Jwt token(Exchange exchange) {
        Authentication authentication = fromRequest(exchange);
        if (authentication == null) {
            // Same thread as the filter chain (e.g. a synchronous caller or a test): the holder has it.
            authentication = SecurityContextHolder.getContext().getAuthentication();
        }
        // SECURITY: only our own JWTs count; anonymous or other authentication types are "not logged in".
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()) {
            return jwt.getToken();
        }
        throw new ApiException(401, "unauthorized", "Authentication required");
    }

    /** The servlet request behind a platform-http exchange, or null (a direct call, a test). */
    public static HttpServletRequest request(Exchange exchange) {
        return request(exchange.getIn());
    }

    private static Authentication fromRequest(Exchange exchange) {
        HttpServletRequest request = request(exchange.getIn());
        if (request == null) {
            return null;
        }
        return request.getAttribute(CONTEXT_ATTRIBUTE) instanceof SecurityContext context ? context.getAuthentication() : null;
    }

    private static HttpServletRequest request(Message message) {
        if (message instanceof PlatformHttpMessage http) {
            return http.getRequest();
        }
        return message.getHeader(Exchange.HTTP_SERVLET_REQUEST, HttpServletRequest.class);
    }
}
