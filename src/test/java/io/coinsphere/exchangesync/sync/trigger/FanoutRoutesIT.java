package io.coinsphere.exchangesync.sync.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.RouteTest;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The fan-out's batches (fanout.camel.yaml): due connections are handed to direct:sync-schedule in batches of
 * coinsphere.sync.fanout-batch-size, and a batch whose hand-off fails is put back as due and ends the round.
 * The hand-off itself is replaced by a mock endpoint: what happens after it is the transport's business.
 */
@TestPropertySource(properties = "coinsphere.sync.fanout-batch-size=4")
class FanoutRoutesIT extends RouteTest {

    private static final AtomicInteger HANDOFFS = new AtomicInteger();
    /** The hand-off (1-based) that fails, 0 for none. */
    private static final AtomicInteger FAILING_HANDOFF = new AtomicInteger();
    private static volatile boolean advised;

    @BeforeEach
    void adviseOnce() throws Exception {
        if (!advised) {
            AdviceWith.adviceWith(camel, "fanout-schedule-batch", a -> a.interceptSendToEndpoint("direct:sync-schedule")
                    .skipSendToOriginalEndpoint()
                    .to("mock:sync-schedule")
                    .process(e -> {
                        if (HANDOFFS.incrementAndGet() == FAILING_HANDOFF.get()) {
                            throw new IllegalStateException("scripted: the broker is down");
                        }
                    }));
            advised = true;
        }
        mock().reset();
        HANDOFFS.set(0);
        FAILING_HANDOFF.set(0);
        // Only this test's connections are due.
        jdbc.update("UPDATE exchange_connections SET next_sync_at = now() + interval '1 day', sync_requested_at = NULL");
    }

    @Test
    void tenDueConnectionsInBatchesOfFourAreThreeHandOffs() throws Exception {
        UUID userId = userIdOf(newUser());
        List<UUID> due = dueConnections(userId, 10);
        mock().expectedMessageCount(3);

        Integer claimed = camel.createProducerTemplate().requestBody("direct:fanout-claim", null, Integer.class);

        MockEndpoint.assertIsSatisfied(camel, 10, TimeUnit.SECONDS);
        assertThat(claimed).isEqualTo(10);
        assertThat(mock().getReceivedExchanges()).extracting(e -> e.getMessage().getBody(List.class).size())
                .containsExactly(4, 4, 2);
        assertThat(mock().getReceivedExchanges()).flatExtracting(e -> e.getMessage().getBody(List.class))
                .containsExactlyInAnyOrderElementsOf(due);
        assertThat(dueCount(userId)).isZero();
    }

    @Test
    void aFailedHandOffPutsItsBatchBackAndEndsTheRound() throws Exception {
        UUID userId = userIdOf(newUser());
        dueConnections(userId, 10);
        FAILING_HANDOFF.set(2);

        Integer claimed = camel.createProducerTemplate().requestBody("direct:fanout-claim", null, Integer.class);

        assertThat(mock().getReceivedCounter()).as("no hand-off after the failed one").isEqualTo(2);
        assertThat(claimed).isEqualTo(8);
        // The failed batch of four is due again, beside the two never claimed; the first batch is not.
        assertThat(dueCount(userId)).isEqualTo(6);
    }

    private List<UUID> dueConnections(UUID userId, int count) {
        return insertDueConnections(userId, count, "due", "key-" + UUID.randomUUID(), "secret-" + UUID.randomUUID());
    }

    private int dueCount(UUID userId) {
        return jdbc.queryForObject("SELECT count(*) FROM exchange_connections WHERE user_id = ? AND next_sync_at <= now()",
                Integer.class, userId);
    }

    private static UUID userIdOf(ApiClient user) throws Exception {
        String payload = user.token().split("\\.")[1];
        return UUID.fromString(new ObjectMapper().readTree(Base64.getUrlDecoder().decode(payload)).get("sub").asText());
    }

    private MockEndpoint mock() {
        return camel.getEndpoint("mock:sync-schedule", MockEndpoint.class);
    }
}
