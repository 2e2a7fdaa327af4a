package io.coinsphere.exchangesync.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.ratelimit.RateLimitProperties.Limit;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

class RateLimitFilterTest {

    private static final RateLimitProperties ONE_EACH = new RateLimitProperties(true, RateLimitProperties.Store.MEMORY,
            new Limit(1, Duration.ofMinutes(1)), new Limit(1, Duration.ofMinutes(1)), new Limit(1, Duration.ofMinutes(1)),
            new Limit(1, Duration.ofMinutes(1)), List.of(), 100, Duration.ofMinutes(1));

    private final RateLimitRules rules = new RateLimitRules(ONE_EACH);
    private final ObjectMapper json = new ObjectMapper();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    /** Remembers the keys it was asked for. */
    private static final class RecordingStore implements BucketStore {
        final MemoryBucketStore memory = new MemoryBucketStore(100);
        final List<String> keys = new ArrayList<>();

        @Override
        public Quota take(String key, Limit limit) {
            keys.add(key);
            return memory.take(key, limit);
        }

        @Override
        public void refund(String key, Limit limit) {
            memory.refund(key, limit);
        }

        @Override
        public Quota peek(String key, Limit limit) {
            return memory.peek(key, limit);
        }

        @Override
        public int removeExpired() {
            return 0;
        }
    }

    @Test
    void theSecondRequestIsRefusedWithTheJsonBodyAndCounted() throws Exception {
        ClientRateLimitFilter filter = new ClientRateLimitFilter(rules, new ClientAddress(List.of()), new RecordingStore(), json, meters);

        MockHttpServletResponse first = run(filter, request("/api/v1/holdings"));
        MockHttpServletResponse second = run(filter, request("/api/v1/holdings"));

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(second.getStatus()).isEqualTo(429);
        assertThat(second.getContentAsString())
                .isEqualTo("{\"success\":false,\"error\":\"rate_limited\",\"message\":\"Too many requests: try again in 60 s\",\"details\":[]}");
        assertThat(second.getHeader("Retry-After")).isEqualTo("60");
        assertThat(meters.counter("coinsphere.ratelimit.rejected", "rule", "api").count()).isEqualTo(1);
    }

    @Test
    void aFailingStoreLetsRequestsThroughInsteadOfAnswering500() throws Exception {
        BucketStore broken = new BucketStore() {
            @Override
            public Quota take(String key, Limit limit) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void refund(String key, Limit limit) {
                throw new IllegalStateException("database down");
            }

            @Override
            public Quota peek(String key, Limit limit) {
                throw new IllegalStateException("database down");
            }

            @Override
            public int removeExpired() {
                return 0;
            }
        };
        ClientRateLimitFilter filter = new ClientRateLimitFilter(rules, new ClientAddress(List.of()), broken, json, meters);

        MockHttpServletResponse response = run(filter, request("/api/v1/holdings"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("RateLimit-Limit")).isNull();
    }

    @Test
    void theUserBucketIsKeyedByTheAuthenticatedUserFromTheRequestAttribute() throws Exception {
        RecordingStore store = new RecordingStore();
        UserRateLimitFilter filter = new UserRateLimitFilter(rules, store, json, meters);
        MockHttpServletRequest alice = request("/api/v1/exchanges/test");
        alice.setAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME,
                new SecurityContextImpl(new TestingAuthenticationToken("alice-id", null, "ROLE_USER")));
        MockHttpServletRequest anonymous = request("/api/v1/exchanges/test");
        anonymous.setAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME,
                new SecurityContextImpl(new AnonymousAuthenticationToken("k", "anonymous",
                        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))));

        run(filter, alice);
        run(filter, anonymous);
        run(filter, request("/api/v1/exchanges/connect"));

        assertThat(store.keys).containsExactly("exchange-test:1/60000ms:user:alice-id");
    }

    @Test
    void aLaterFilterReportsItsBucketOnlyWhenTighter() throws Exception {
        UserRateLimitFilter filter = new UserRateLimitFilter(rules, new RecordingStore(), json, meters);
        MockHttpServletRequest request = request("/api/v1/exchanges/test");
        request.setAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME,
                new SecurityContextImpl(new TestingAuthenticationToken("bob-id", null, "ROLE_USER")));
        request.setAttribute(RateLimitFilter.QUOTA_ATTRIBUTE, new Quota(true, 100, 99, 9, 0));

        MockHttpServletResponse response = run(filter, request);

        assertThat(response.getHeader("RateLimit-Limit")).isEqualTo("1");
        assertThat(response.getHeader("RateLimit-Remaining")).isEqualTo("0");
    }

    @Test
    void onTheManagementPathsOnlyRefusedCredentialsCount() throws Exception {
        RecordingStore store = new RecordingStore();
        ClientRateLimitFilter filter = new ClientRateLimitFilter(rules, new ClientAddress(List.of()), store, json, meters);
        MockHttpServletRequest challenge = request("/actuator/prometheus");
        MockHttpServletRequest guess = request("/actuator/prometheus");
        guess.addHeader("Authorization", "Basic Z3Vlc3M6Z3Vlc3M=");

        // Without credentials: the browser's first request, answered by a login challenge; not a guess.
        assertThat(run(filter, challenge, 401).getStatus()).isEqualTo(401);
        assertThat(run(filter, challenge, 401).getStatus()).isEqualTo(401);
        // An administrator's accepted requests cost nothing.
        assertThat(run(filter, guess, 200).getStatus()).isEqualTo(200);
        assertThat(run(filter, guess, 200).getStatus()).isEqualTo(200);

        assertThat(run(filter, guess, 401).getStatus()).isEqualTo(401);
        MockHttpServletResponse refused = run(filter, guess, 401);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString()).contains("\"rate_limited\"");
        assertThat(store.keys).containsOnly("login:1/60000ms:192.0.2.10");
    }

    @Test
    void aGuessIsChargedBeforeItsPasswordIsCheckedSoGuessesInFlightCannotOvertakeTheLimit() throws Exception {
        ClientRateLimitFilter filter = new ClientRateLimitFilter(rules, new ClientAddress(List.of()), new RecordingStore(), json, meters);
        MockHttpServletRequest guess = request("/actuator/jolokia");
        guess.addHeader("Authorization", "Basic Z3Vlc3M6Z3Vlc3M=");
        MockHttpServletRequest second = request("/actuator/jolokia");
        second.addHeader("Authorization", "Basic Z3Vlc3M6b3RoZXI=");
        List<Integer> concurrent = new ArrayList<>();
        MockHttpServletResponse first = new MockHttpServletResponse();
        // While the first guess is being checked, a second one arrives: the bucket of one is already spent.
        filter.doFilter(guess, first, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                try {
                    concurrent.add(run(filter, second, 401).getStatus());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                res.setStatus(401);
            }
        }));
        assertThat(concurrent).containsExactly(429);
        assertThat(first.getStatus()).isEqualTo(401);
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        request.setRemoteAddr("192.0.2.10");
        return request;
    }

    /** Runs the filter in front of an endpoint that answers {@code status}. */
    private static MockHttpServletResponse run(RateLimitFilter filter, MockHttpServletRequest request, int status)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) {
                res.setStatus(status);
            }
        }));
        return response;
    }

    private static MockHttpServletResponse run(RateLimitFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
