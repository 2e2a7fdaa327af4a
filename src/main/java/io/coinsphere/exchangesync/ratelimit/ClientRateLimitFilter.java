package io.coinsphere.exchangesync.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * The per-address limits. Runs before Spring Security, so that a flood of requests with bad tokens is
 * turned away before each one costs a signature check. On the management paths only refused credentials
 * count (see {@link RateLimitRules#forFailedCredentials}).
 */
public final class ClientRateLimitFilter extends RateLimitFilter {

    private final RateLimitRules rules;
    private final ClientAddress addresses;

    public ClientRateLimitFilter(RateLimitRules rules, ClientAddress addresses, BucketStore store, ObjectMapper json,
            MeterRegistry meters) {
        super(store, json, meters);
        this.rules = rules;
        this.addresses = addresses;
    }

    @Override
    protected List<Draw> draws(HttpServletRequest request) {
        List<RateLimitRules.Rule> matching = rules.forClient(path(request));
        if (matching.isEmpty()) {
            return List.of();
        }
        String client = client(request);
        return matching.stream().map(rule -> new Draw(rule.name(), rule.key(client), rule.limit())).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RateLimitRules.Rule> guarded = rules.forFailedCredentials(path(request));
        // A request without credentials is no guess (a browser's first request, before it asks for the login).
        if (guarded.isEmpty() || request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            super.doFilterInternal(request, response, chain);
            return;
        }
        RateLimitRules.Rule rule = guarded.get();
        Draw draw = new Draw(rule.name(), rule.key(client(request)), rule.limit());
        // SECURITY: charged before the password is checked, refunded after a right one. Peeking first and charging
        // after a 401 let every guess in flight pass while the bucket still showed a token.
        Quota charged = safely(() -> store().take(draw.key(), draw.limit()));
        if (charged != null && !charged.allowed()) {
            refuse(request, response, draw, charged);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (charged != null && response.getStatus() != HttpServletResponse.SC_UNAUTHORIZED) {
                safely(() -> {
                    store().refund(draw.key(), draw.limit());
                    return null;
                });
            }
        }
    }

    private String client(HttpServletRequest request) {
        return addresses.of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
    }
}
