package io.coinsphere.exchangesync.ops;

import static io.coinsphere.exchangesync.ops.OpsHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What Hawtio shows, read the way Hawtio reads it: route MBeans through Jolokia. */
class JolokiaRouteCountersIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySyncRouteIsAnMBeanNamedByItsId() throws Exception {
        HttpResponse<String> response = OpsHttp.get(port, "/actuator/jolokia/search/org.apache.camel:type=routes,*",
                bearer(admin().token()));
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode name : JSON.readTree(response.body()).get("value")) {
            names.add(name.asText());
        }
        assertThat(names).anySatisfy(n -> assertThat(n).contains("name=\"sync-connection\""))
                .anySatisfy(n -> assertThat(n).contains("name=\"sync-worker\""))
                .anySatisfy(n -> assertThat(n).contains("name=\"holdings-upsert\""))
                .anySatisfy(n -> assertThat(n).contains("name=\"fanout-quartz\""));
    }

    @Test
    void exchangesCompletedOfTheSyncRouteGrowsWithASync() throws Exception {
        String token = admin().token();
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.BINANCE).setBalance("BTC", dec("1"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);

        long before = completed(token, "sync-connection");
        syncNow(user, id);
        assertThat(completed(token, "sync-connection")).isGreaterThan(before);
    }

    private long completed(String token, String routeId) throws Exception {
        String read = JSON.writeValueAsString(java.util.Map.of("type", "read",
                "mbean", "org.apache.camel:context=*,type=routes,name=\"" + routeId + "\"", "attribute", "ExchangesCompleted"));
        HttpResponse<String> response = OpsHttp.post(port, "/actuator/jolokia", read, bearer(token));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).as(response.body()).isEqualTo(200);
        // A wildcard read answers {mbean name: {attribute: value}}; there is one Camel context.
        Iterator<JsonNode> values = body.get("value").elements();
        assertThat(values.hasNext()).as(response.body()).isTrue();
        return values.next().get("ExchangesCompleted").asLong();
    }
}
