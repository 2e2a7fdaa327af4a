package io.coinsphere.exchangesync.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.support.YamlRoutes;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** The rest-errors route configuration (routes/rest-errors.camel.yaml) on a worker route that fails. */
class RestErrorsRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private DefaultCamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        camel = YamlRoutes.context(new Properties());
        camel.getRegistry().bind("jsonReplyWriter", new JsonReplyWriter(JSON));
        camel.getRegistry().bind("restErrorPolicy", new RestErrorPolicy());
        YamlRoutes.load(camel, "rest-errors");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:failing-worker").routeId("failing-worker").routeConfigurationId(RestErrorPolicy.ID)
                        .process(exchange -> {
                            throw exchange.getProperty("failure", Exception.class);
                        });
            }
        });
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void anApiExceptionIsItsOwnStatusAndBody() throws Exception {
        Exchange reply = fail(ApiException.notFound("Connection"));

        assertThat(reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(404);
        assertThat(body(reply).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void aDatabaseThatDoesNotAnswerIs503WithRetryAfter() throws Exception {
        Exchange reply = fail(new DataAccessResourceFailureException("connection refused"));

        assertThat(reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        assertThat(reply.getMessage().getHeader("Retry-After")).isEqualTo(5L);
        assertThat(body(reply).get("error").asText()).isEqualTo("database_unavailable");
    }

    @Test
    void anythingElseIs500WithoutDetails() throws Exception {
        Exchange reply = fail(new IllegalStateException("internal detail 42"));

        assertThat(reply.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(500);
        assertThat(body(reply).get("error").asText()).isEqualTo("internal_error");
        assertThat(body(reply).toString()).doesNotContain("internal detail 42");
    }

    private Exchange fail(Exception error) {
        Exchange reply = producer.request("direct:failing-worker", exchange -> {
            exchange.getMessage().setHeader("Authorization", "Bearer secret-token");
            exchange.setProperty("failure", error);
        });
        assertThat(reply.getException()).isNull();
        // SECURITY: request headers never echo into the response.
        assertThat(reply.getMessage().getHeader("Authorization")).isNull();
        return reply;
    }

    private static JsonNode body(Exchange reply) throws Exception {
        return JSON.readTree(reply.getMessage().getBody(byte[].class));
    }
}
