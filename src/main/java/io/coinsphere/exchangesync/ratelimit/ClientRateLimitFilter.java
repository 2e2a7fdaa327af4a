package io.coinsphere.exchangesync.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;

/**
 * The per-address limits. Runs before Spring Security, so that a flood of requests with bad tokens is
 * turned away before each one costs a signature check.
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
        String client = addresses.of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
        return matching.stream().map(rule -> new Draw(rule.name(), rule.key(client), rule.limit())).toList();
    }
}
