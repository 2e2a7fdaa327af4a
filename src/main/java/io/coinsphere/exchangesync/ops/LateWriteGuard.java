package io.coinsphere.exchangesync.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * platform-http answers REST requests asynchronously: the route runs on an executor thread and writes the
 * response when it is done. When the request's async timeout fires first (an overloaded instance), Tomcat
 * answers and recycles the request and its response objects, and the route later wrote into a recycled
 * response: NullPointerException in {@code MimeHeaders.recycle}, or worse, into the next request that
 * reused them. Each response is therefore wrapped in a {@link GuardedResponse} that drops every write once
 * the request completed, and that Tomcat's completion waits for while a write is in progress.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class LateWriteGuard extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LateWriteGuard.class);

    /** Actuator servlets (Hawtio, Jolokia) answer synchronously on the request thread. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        GuardedResponse guarded = new GuardedResponse(response);
        chain.doFilter(request, guarded);
        if (request.isAsyncStarted()) {
            try {
                request.getAsyncContext().addListener(guarded);
            } catch (IllegalStateException e) {
                // Completed between the two calls: nothing can write any more.
                LOG.trace("Async request completed before its guard was registered");
            }
        }
    }
}
