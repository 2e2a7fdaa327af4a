package io.coinsphere.exchangesync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;

class RestErrorPolicyTest {

    private final RestErrorPolicy policy = new RestErrorPolicy();

    @Test
    void aDatabaseThatDoesNotAnswerBecomes503WithTheTimeToWait() {
        ApiException reply = translate(new QueryTimeoutException("statement timed out"));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("database_unavailable");
        assertThat(reply.retryAfter()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aWrongQueryIs500AndSaysNothingAboutIt() {
        ApiException reply = translate(new BadSqlGrammarException("list", "SELECT secret_column FROM t",
                new SQLException("column does not exist", "42703")));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.code()).isEqualTo("internal_error");
        assertThat(reply.getMessage()).doesNotContain("secret_column");
        assertThat(reply.retryAfter()).isNull();
    }

    @Test
    void anyOtherExceptionIs500() {
        assertThat(translate(new IllegalStateException("bug")).status()).isEqualTo(500);
    }

    private ApiException translate(Exception error) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, error);
        policy.translate(exchange);
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ApiException.class);
    }
}
