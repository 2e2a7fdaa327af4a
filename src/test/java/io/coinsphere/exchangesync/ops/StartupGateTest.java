package io.coinsphere.exchangesync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class StartupGateTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final StaticListableBeanFactory beans = new StaticListableBeanFactory();
    private final StartupGate gate;

    StartupGateTest() {
        beans.addBean("camelContext", camel);
        gate = new StartupGate(beans.getBeanProvider(CamelContext.class), new ObjectMapper());
    }

    @Test
    void untilTheRoutesRunTheApiAnswers503StartingWithRetryAfter() throws Exception {
        MockHttpServletResponse response = call("POST", "/api/v1/auth/login");

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(response.getContentAsString()).contains("\"error\":\"starting\"").contains("\"success\":false");
        assertThat(call("GET", "/actuator/health/readiness").getStatus()).isEqualTo(503);
    }

    @Test
    void thePageFilesAndTheLivenessProbeAreServedWhileStarting() throws Exception {
        assertThat(call("GET", "/exchanges").getStatus()).isEqualTo(200);
        assertThat(call("GET", "/assets/js/api.js").getStatus()).isEqualTo(200);
        assertThat(call("GET", "/actuator/health/liveness").getStatus()).isEqualTo(200);
    }

    @Test
    void opensOnceCamelHasStarted() throws Exception {
        camel.start();
        try {
            assertThat(call("POST", "/api/v1/auth/login").getStatus()).isEqualTo(200);
            assertThat(gate.isOpen()).isTrue();
        } finally {
            camel.stop();
        }
        assertThat(gate.isOpen()).as("a stopping service is the graceful shutdown's business").isTrue();
    }

    private MockHttpServletResponse call(String method, String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        gate.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
