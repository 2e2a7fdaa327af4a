package io.coinsphere.exchangesync.database;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.web.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 503 {@code database_unavailable} for a database fault that escapes the servlet chain outside the Camel routes
 * (the signed-out token check of the security filters, controllers), as the REST routes answer it (rest-errors).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    /** The body every path answers while the database cannot. */
    public static final ApiError BODY = ApiError.of("database_unavailable",
            "The database is not answering right now; please try again in a few seconds", null);
    /** Seconds a client should wait before it tries again. */
    public static final String RETRY_AFTER = "5";

    private final ObjectMapper json;

    public DatabaseUnavailableFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseFaults.isDatabaseFault(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn("{} {}: the database did not answer ({})", request.getMethod(), request.getRequestURI(), e.getClass().getSimpleName());
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), BODY);
        }
    }
}
