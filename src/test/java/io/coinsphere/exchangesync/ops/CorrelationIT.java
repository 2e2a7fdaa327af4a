package io.coinsphere.exchangesync.ops;

import static io.coinsphere.exchangesync.ops.OpsHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The correlation id of a REST request reaches the thread that does its work: the sync worker, behind the
 * Kafka topic, logs the sync's line with the id the caller sent, and a fan-out sync with none.
 */
class CorrelationIT extends IntegrationTest {

    private final Logger finished = (Logger) LoggerFactory.getLogger("io.coinsphere.exchangesync.sync.finished");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        finished.addAppender(lines);
    }

    @AfterEach
    void release() {
        finished.detachAppender(lines);
    }

    @Test
    void aRestTriggeredSyncLogsOnTheWorkerThreadWithTheRequestsCorrelationId() {
        ApiClient user = newUser();
        UUID id = connect(user, account(ExchangeId.KRAKEN).setBalance("XXBT", dec("1"), dec("0")));
        awaitRuns(id, 1);
        String correlation = "corr-" + UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> queued = OpsHttp.post(port, "/api/v1/exchanges/connections/" + id + "/sync", null,
                bearer(user.token()), "X-Correlation-Id", correlation);
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        assertThat(queued.headers().firstValue("X-Correlation-Id")).hasValue(correlation);
        awaitRuns(id, 2);

        ILoggingEvent line = await().atMost(Duration.ofSeconds(10)).until(() -> lineOf(id, "trigger=manual"), l -> l != null);
        assertThat(line.getMDCPropertyMap()).containsEntry("correlationId", correlation);
        assertThat(line.getThreadName()).as("logged by a sync worker, not the request thread").contains("sync-work");

        // A sync nobody asked for over HTTP carries no id, in particular not the one the worker thread had before.
        lines.list.clear();
        camel.createProducerTemplate().sendBodyAndHeader("direct:sync-enqueue", List.of(id), "syncTrigger", "scheduled");
        awaitRuns(id, 3);
        ILoggingEvent scheduled = await().atMost(Duration.ofSeconds(10))
                .until(() -> lineOf(id, "trigger=scheduled"), l -> l != null);
        assertThat(scheduled.getMDCPropertyMap()).doesNotContainKey("correlationId");
    }

    private ILoggingEvent lineOf(UUID connection, String trigger) {
        synchronized (lines) {
            return List.copyOf(lines.list).stream()
                    .filter(e -> e.getFormattedMessage().contains("connection=" + connection) && e.getFormattedMessage().contains(trigger))
                    .findFirst().orElse(null);
        }
    }
}
