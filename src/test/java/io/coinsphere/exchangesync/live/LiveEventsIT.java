package io.coinsphere.exchangesync.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.auth.SessionCookies;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /api/v1/events} over real HTTP: who may read it, and what each user gets. */
class LiveEventsIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private LiveProperties properties;

    @Test
    void theStreamNeedsAToken() throws Exception {
        try (EventStreamClient anonymous = EventStreamClient.open(port, null)) {
            assertThat(anonymous.response().statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(anonymous.body()).get("error").asText()).isEqualTo("unauthorized");
        }
    }

    @Test
    void theWebPageSessionCookieOpensTheStream() throws Exception {
        ApiClient user = newUser();
        try (EventStreamClient stream = EventStreamClient.openWithHeaders(port, "Cookie", SessionCookies.SESSION + "=" + user.token())) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            assertThat(stream.next().name()).isEqualTo("ready");
        }
        try (EventStreamClient stale = EventStreamClient.openWithHeaders(port, "Cookie", SessionCookies.SESSION + "=expired.or.forged")) {
            assertThat(stale.response().statusCode()).isEqualTo(401);
        }
    }

    @Test
    void eachUserGetsOnlyTheirOwnSyncs() throws Exception {
        ApiClient alice = newUser();
        ApiClient bob = newUser();
        EmulatedAccount aliceAccount = account(ExchangeId.BINANCE).setBalance("BTC", dec("1.5"), dec("0"));
        EmulatedAccount bobAccount = account(ExchangeId.KRAKEN).setBalance("XXBT", dec("2"), dec("0"));
        UUID aliceConnection = connect(alice, aliceAccount);
        UUID bobConnection = connect(bob, bobAccount);
        awaitRuns(aliceConnection, 1);
        awaitRuns(bobConnection, 1);

        // Bob subscribes first, so his stream sees Alice's event before hers is even written.
        try (EventStreamClient bobStream = EventStreamClient.open(port, bob.token());
             EventStreamClient aliceStream = EventStreamClient.open(port, alice.token())) {
            assertThat(bobStream.response().headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            assertThat(bobStream.next().name()).isEqualTo("ready");
            assertThat(aliceStream.next().name()).isEqualTo("ready");

            alice.post("/api/v1/exchanges/connections/" + aliceConnection + "/sync", null);
            EventStreamClient.Frame aliceEvent = aliceStream.next();
            assertThat(aliceEvent.name()).isEqualTo("sync");
            JsonNode message = JSON.readTree(aliceEvent.data());
            assertThat(message.get("connectionId").asText()).isEqualTo(aliceConnection.toString());
            assertThat(message.get("status").asText()).isEqualTo("success");
            assertThat(message.get("exchange").asText()).isEqualTo("binance");
            assertThat(message.get("assets").get(0).get("symbol").asText()).isEqualTo("BTC");
            assertThat(message.get("assets").get(0).get("total").asText()).isEqualTo("1.5");
            assertThat(message.has("userId")).isFalse();
            assertThat(aliceEvent.data()).doesNotContain(aliceAccount.apiKey());

            bob.post("/api/v1/exchanges/connections/" + bobConnection + "/sync", null);
            EventStreamClient.Frame bobEvent = bobStream.next();
            assertThat(bobEvent.name()).isEqualTo("sync");
            assertThat(JSON.readTree(bobEvent.data()).get("connectionId").asText()).isEqualTo(bobConnection.toString());
        }
    }

    @Test
    void oneUserCannotHoldUnlimitedStreams() throws Exception {
        ApiClient user = newUser();
        List<EventStreamClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < properties.maxStreamsPerUser(); i++) {
                EventStreamClient stream = EventStreamClient.open(port, user.token());
                streams.add(stream);
                assertThat(stream.next().name()).isEqualTo("ready");
            }
            try (EventStreamClient refused = EventStreamClient.open(port, user.token())) {
                assertThat(refused.response().statusCode()).isEqualTo(429);
                JsonNode body = JSON.readTree(refused.body());
                assertThat(body.get("success").asBoolean()).isFalse();
                assertThat(body.get("error").asText()).isEqualTo("too_many_streams");
            }
        } finally {
            for (EventStreamClient stream : streams) {
                stream.close();
            }
        }
    }
}
