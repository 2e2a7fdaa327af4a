package io.coinsphere.exchangesync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.SQLTransientConnectionException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.BadSqlGrammarException;

class TimerErrorPolicyTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(TimerErrorPolicy.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final TimerErrorPolicy policy = new TimerErrorPolicy();

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsOneWarnLineWithoutStackTrace() {
        policy.log(failed(new DataAccessResourceFailureException("no connection",
                new SQLTransientConnectionException("pool timed out"))));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getThrowableProxy()).isNull();
            assertThat(line.getFormattedMessage()).contains("DataAccessResourceFailureException");
        });
    }

    @Test
    void aWrongQueryIsAnErrorWithItsStackTraceButNotTheBody() {
        policy.log(failed(new BadSqlGrammarException("compact", "DELETE FROM nowhere", new java.sql.SQLException("42P01"))));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getThrowableProxy().getClassName()).isEqualTo(BadSqlGrammarException.class.getName());
            assertThat(line.getFormattedMessage()).doesNotContain("tick body");
        });
    }

    private static Exchange failed(Exception error) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody("tick body");
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, error);
        return exchange;
    }
}
