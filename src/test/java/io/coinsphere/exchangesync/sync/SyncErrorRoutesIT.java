package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.RouteTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.TestPropertySource;

/**
 * The wiring of the sync error policy (sync-errors.camel.yaml): which failure goes down which path, with how many
 * attempts. The fetch step is replaced by one that fails as scripted per connection, then calls the real fetcher.
 */
@TestPropertySource(properties = "coinsphere.sync.retry.database-redeliveries=2")
class SyncErrorRoutesIT extends RouteTest {

    private static final Map<UUID, Supplier<RuntimeException>> FAILURES = new ConcurrentHashMap<>();
    private static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private static final List<String> PATHS = List.of("sync-dead-letter", "sync-disable", "sync-database-unavailable",
            "sync-failure-record");
    private static volatile boolean advised;

    @Autowired
    private BalanceFetcher fetcher;

    @BeforeEach
    void adviseOnce() throws Exception {
        if (!advised) {
            AdviceWith.adviceWith(camel, "sync-connection", a -> a.weaveByToString(".*BalanceFetcher.*").replace()
                    .process(this::fetchOrFail));
            for (String route : PATHS) {
                AdviceWith.adviceWith(camel, route, a -> a.weaveAddFirst().to("mock:" + route));
            }
            advised = true;
        }
        for (String route : PATHS) {
            mock(route).reset();
        }
    }

    private void fetchOrFail(Exchange exchange) {
        SyncJob job = exchange.getMessage().getBody(SyncJob.class);
        ATTEMPTS.computeIfAbsent(job.connectionId(), id -> new AtomicInteger()).incrementAndGet();
        Supplier<RuntimeException> failure = FAILURES.get(job.connectionId());
        if (failure != null) {
            throw failure.get();
        }
        exchange.getMessage().setBody(fetcher.fetch(job, exchange));
    }

    @Test
    void aFetchThatKeepsFailingIsRetriedAsThePolicySaysThenDeadLettered() throws Exception {
        UUID id = connectedAndSynced();
        FAILURES.put(id, () -> new ExchangeUnavailable("scripted outage"));
        mock("sync-dead-letter").expectedMessageCount(1);
        mock("sync-failure-record").expectedMessageCount(1);

        syncAndWait(id);

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(ATTEMPTS.get(id)).as("the first attempt and coinsphere.sync.retry.max-redeliveries").hasValue(1 + 3);
        assertThat(mock("sync-disable").getReceivedCounter()).isZero();
        assertThat(connectionRow(id)).containsEntry("status", "error").containsEntry("last_error", "scripted outage");
    }

    @Test
    void aRejectedKeyIsDisabledWithoutRetries() throws Exception {
        UUID id = connectedAndSynced();
        FAILURES.put(id, () -> new CredentialsRejected(CredentialsRejected.Reason.UNKNOWN_KEY, "scripted: key revoked"));
        mock("sync-disable").expectedMessageCount(1);
        mock("sync-failure-record").expectedMessageCount(1);

        syncAndWait(id);

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(ATTEMPTS.get(id)).hasValue(1);
        assertThat(mock("sync-dead-letter").getReceivedCounter()).isZero();
        assertThat(connectionRow(id)).containsEntry("status", "disabled");
    }

    @Test
    void aDatabaseFaultIsRetriedPatientlyThenPutBackWithoutAnErrorStatus() throws Exception {
        UUID id = connectedAndSynced();
        FAILURES.put(id, () -> new DataAccessResourceFailureException("scripted: the database went away"));
        mock("sync-database-unavailable").expectedMessageCount(1);

        syncAndWait(id);

        MockEndpoint.assertIsSatisfied(camel);
        assertThat(ATTEMPTS.get(id)).as("the first attempt and coinsphere.sync.retry.database-redeliveries").hasValue(1 + 2);
        assertThat(mock("sync-failure-record").getReceivedCounter()).isZero();
        assertThat(mock("sync-dead-letter").getReceivedCounter()).isZero();
        assertThat(connectionRow(id)).containsEntry("status", "active");
    }

    private UUID connectedAndSynced() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        ATTEMPTS.remove(id);
        return id;
    }

    /** Queues a manual sync of the connection and waits until its exchange (from the worker's queue) is done. */
    private void syncAndWait(UUID id) {
        // The connection's first sync (started by connecting it) may still be finishing: only this manual one counts.
        NotifyBuilder done = new NotifyBuilder(camel).from("seda:sync-work*")
                .filter(e -> "manual".equals(e.getMessage().getHeader(SyncHeaders.TRIGGER))
                        && id.toString().equals(String.valueOf(e.getMessage().getHeader(SyncHeaders.CONNECTION_ID))))
                .whenDone(1).create();
        camel.createProducerTemplate().sendBodyAndHeader("direct:sync-enqueue", List.of(id), SyncHeaders.TRIGGER, "manual");
        assertThat(done.matches(20, TimeUnit.SECONDS)).as("the sync finished").isTrue();
    }

    private MockEndpoint mock(String route) {
        return camel.getEndpoint("mock:" + route, MockEndpoint.class);
    }
}
