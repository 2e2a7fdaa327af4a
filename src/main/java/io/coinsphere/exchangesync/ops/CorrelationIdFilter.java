package io.coinsphere.exchangesync.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A correlation id per HTTP request: the caller's {@code X-Correlation-Id} (or {@code X-Request-Id}) when it is
 * a plain token, otherwise a new UUID. It is put in the MDC as {@code correlationId} (every log line of the
 * request carries it; {@link CorrelationTaskDecorator} and {@link Correlation} carry it into the route and on
 * to the sync worker) and echoed in both response headers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    // SECURITY: a client-chosen id goes into logs: only short plain tokens, so it cannot forge log lines.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(CORRELATION_HEADER);
        String id = correlationId(offered != null ? offered : request.getHeader(HEADER));
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        response.setHeader(CORRELATION_HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    static String correlationId(String offered) {
        return isAcceptable(offered) ? offered : UUID.randomUUID().toString();
    }

    /** Whether an id is safe to write into a log line (it may also arrive from Kafka, from any producer). */
    static boolean isAcceptable(String id) {
        return id != null && ACCEPTED.matcher(id).matches();
    }
}
