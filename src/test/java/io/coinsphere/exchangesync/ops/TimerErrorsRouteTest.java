package io.coinsphere.exchangesync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.coinsphere.exchangesync.history.HistoryCompaction;
import io.coinsphere.exchangesync.history.HistoryProperties;
import io.coinsphere.exchangesync.support.YamlRoutes;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The timer-errors policy on a real timer route (routes/history-compaction.camel.yaml) whose database is gone:
 * every tick fails, each failure is one WARN line without a stack trace, nothing at all is logged as ERROR, and
 * the timer keeps ticking.
 */
class TimerErrorsRouteTest {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private DefaultCamelContext camel;

    @BeforeEach
    void start() throws Exception {
        lines.start();
        root.addAppender(lines);
        Properties properties = new Properties();
        properties.setProperty("coinsphere.history.compaction-enabled", "true");
        properties.setProperty("coinsphere.history.compaction-interval", "1h");
        camel = YamlRoutes.context(properties);
        camel.getRegistry().bind("historyCompaction", new HistoryCompaction(new NamedParameterJdbcTemplate(unreachable()),
                new HistoryProperties(Duration.ofHours(1), Duration.ofDays(7), Duration.ofDays(90), true, Duration.ofHours(1))));
        camel.getRegistry().bind("timerErrorPolicy", new TimerErrorPolicy());
        YamlRoutes.load(camel, "timer-errors", "history-compaction");
        // The product's timer waits a minute before its first tick; this one ticks at once and often.
        AdviceWith.adviceWith(camel, "history-compaction-timer",
                route -> route.replaceFromWith("timer:history-compaction-test?delay=0&period=20"));
    }

    @AfterEach
    void stop() {
        camel.stop();
        root.detachAppender(lines);
    }

    @Test
    void aStalledDatabaseIsOneWarnLinePerTickAndTheTimerGoesOn() throws Exception {
        NotifyBuilder ticks = new NotifyBuilder(camel).fromRoute("history-compaction-timer").whenDone(3).create();
        camel.start();

        assertThat(ticks.matches(20, TimeUnit.SECONDS)).as("three ticks done").isTrue();
        camel.getRouteController().stopAllRoutes();
        List<ILoggingEvent> warnings = events(Level.WARN);
        assertThat(warnings).hasSizeGreaterThanOrEqualTo(3).allSatisfy(line -> {
            assertThat(line.getLoggerName()).isEqualTo(TimerErrorPolicy.class.getName());
            assertThat(line.getFormattedMessage()).startsWith("history-compaction: the database did not answer");
            assertThat(line.getThrowableProxy()).isNull();
        });
        assertThat(events(Level.ERROR)).isEmpty();
    }

    @Test
    void anyOtherFailureIsOneErrorPerTickWithoutTheMessageBody() throws Exception {
        AdviceWith.adviceWith(camel, "history-compaction", route -> route.weaveAddFirst()
                .setBody().constant("tick body that must not be logged")
                .throwException(new IllegalStateException("compaction bug")));
        NotifyBuilder ticks = new NotifyBuilder(camel).fromRoute("history-compaction-timer").whenDone(2).create();
        camel.start();

        assertThat(ticks.matches(20, TimeUnit.SECONDS)).as("two ticks done").isTrue();
        camel.getRouteController().stopAllRoutes();
        List<ILoggingEvent> errors = events(Level.ERROR);
        assertThat(errors).hasSizeGreaterThanOrEqualTo(2).allSatisfy(line -> {
            assertThat(line.getLoggerName()).isEqualTo(TimerErrorPolicy.class.getName());
            assertThat(line.getThrowableProxy().getMessage()).isEqualTo("compaction bug");
            assertThat(line.getFormattedMessage()).doesNotContain("tick body");
        });
    }

    private List<ILoggingEvent> events(Level level) {
        synchronized (lines) {
            return lines.list.stream().filter(line -> line.getLevel() == level).toList();
        }
    }

    /** PostgreSQL on a port where nothing listens: every connection attempt is refused (SQLSTATE 08001). */
    private static PGSimpleDataSource unreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName("coinsphere");
        dataSource.setConnectTimeout(2);
        return dataSource;
    }
}
