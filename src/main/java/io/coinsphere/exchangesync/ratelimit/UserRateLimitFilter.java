package io.coinsphere.exchangesync.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * The per-user limits (key tests). Runs after Spring Security has authenticated the request: it reads the
 * authentication where the security chain keeps it (a request attribute, see auth/SecurityConfig), falling back
 * to the thread's context. Unauthenticated requests never get here for these paths (the chain answers 401).
 */
public final class UserRateLimitFilter extends RateLimitFilter {

    private static final String CONTEXT_ATTRIBUTE = RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME;

    private final RateLimitRules rules;

    public UserRateLimitFilter(RateLimitRules rules, BucketStore store, ObjectMapper json, MeterRegistry meters) {
        super(store, json, meters);
        this.rules = rules;
    }

    @Override
    protected List<Draw> draws(HttpServletRequest request) {
        return rules.forUser(path(request))
                .flatMap(rule -> userOf(request).map(user -> new Draw(rule.name(), rule.key("user:" + user), rule.limit())))
                .stream().toList();
    }

    private static Optional<String> userOf(HttpServletRequest request) {
        Authentication authentication = request.getAttribute(CONTEXT_ATTRIBUTE) instanceof SecurityContext context
                ? context.getAuthentication() : null;
        if (authentication == null) {
            authentication = SecurityContextHolder.getContext().getAuthentication();
        }
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }
}
