package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.web.ApiException;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class AuthBodiesTest {

    private final AuthBodies bodies = new AuthBodies(new ObjectMapper());

    @Test
    void readsALoginRequest() {
        LoginRequest request = bodies.login(body("{\"email\":\"a@example.com\",\"password\":\"pw-123456\"}"));

        assertThat(request.email()).isEqualTo("a@example.com");
        assertThat(request.password()).isEqualTo("pw-123456");
    }

    @Test
    void malformedJsonIs400WithoutQuotingTheInput() {
        assertThatThrownBy(() -> bodies.register(body("{\"email\":\"a@example.com\",\"password\":\"hunter2-secret")))
                .isInstanceOfSatisfying(ApiException.class, error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.toBody().toString()).doesNotContain("hunter2");
                });
    }

    @Test
    void anEmptyBodyIs400() {
        assertThatThrownBy(() -> bodies.login(body("")))
                .isInstanceOfSatisfying(ApiException.class, error -> assertThat(error.status()).isEqualTo(400));
    }

    private static Exchange body(String json) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(json.getBytes(StandardCharsets.UTF_8));
        return exchange;
    }
}
