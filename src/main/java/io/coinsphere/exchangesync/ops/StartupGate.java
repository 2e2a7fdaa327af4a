package io.coinsphere.exchangesync.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.web.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web server opens its port before Camel has started the routes that serve the API (for 10-15 s on a cold
 * start), which answered 404 and 401 for paths that exist. Until the Camel context has started, every request
 * answers 503 {@code starting} with {@code Retry-After}; only the web page's own files (so that it can show that it
 * is starting) and the liveness probe (a slow start is not a dead process) are served.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class StartupGate extends OncePerRequestFilter {

    static final ApiError STARTING = ApiError.of("starting", "The service is starting; please try again in a few seconds", null);
    static final String RETRY_AFTER = "2";

    private final ObjectProvider<CamelContext> camel;
    private final ObjectMapper json;
    /** Opens once and stays open: a stopping service is the graceful shutdown's business, not this gate's. */
    private volatile boolean open;

    public StartupGate(ObjectProvider<CamelContext> camel, ObjectMapper json) {
        this.camel = camel;
        this.json = json;
    }

    /** True once the routes have started. */
    public boolean isOpen() {
        if (!open) {
            CamelContext context = camel.getIfAvailable();
            open = context != null && context.isStarted();
        }
        return open;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return isOpen() || isPageFile(request) || "/actuator/health/liveness".equals(request.getRequestURI());
    }

    static boolean isPageFile(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        return read && !path.startsWith("/api") && !path.startsWith("/actuator") && !path.equals("/health")
                && !path.startsWith("/.well-known");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // SECURITY: Spring Security's header writer has not run for this answer; the same headers as every other.
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), STARTING);
    }
}
