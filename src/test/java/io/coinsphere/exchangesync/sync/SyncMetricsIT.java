package io.coinsphere.exchangesync.sync;

import static io.coinsphere.exchangesync.ops.OpsHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Failure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.ops.OpsHttp;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Prometheus scrape after real syncs: histograms, outcomes, retries, dead letters, gauges, HTTP metrics. */
class SyncMetricsIT extends IntegrationTest {

    @Test
    void successesRetriesAndDeadLettersShowUpInTheScrape() {
        String token = admin().token();
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.KUCOIN).setBalance("USDT", dec("5"), dec("0"));
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        String before = scrape(token);

        EMULATOR.failNext(ExchangeId.KUCOIN, account.apiKey(), 1, Failure.serverError(503));
        syncNow(user, id);
        EMULATOR.failAlways(ExchangeId.KUCOIN, account.apiKey(), Failure.serverError(502));
        try {
            syncNow(user, id);
        } finally {
            EMULATOR.clearFailures(ExchangeId.KUCOIN, account.apiKey());
        }
        String after = scrape(token);

        String success = "coinsphere_sync_completed_total{application=\"coinsphere-exchange-sync\",error_kind=\"none\","
                + "exchange=\"kucoin\",outcome=\"success\",trigger=\"manual\"}";
        String deadLetter = "coinsphere_sync_completed_total{application=\"coinsphere-exchange-sync\","
                + "error_kind=\"exchange_unavailable\",exchange=\"kucoin\",outcome=\"error\",trigger=\"manual\"}";
        assertThat(value(after, success) - value(before, success)).isEqualTo(1);
        assertThat(value(after, deadLetter) - value(before, deadLetter)).isEqualTo(1);
        String retries = "coinsphere_sync_retries_total{application=\"coinsphere-exchange-sync\",exchange=\"kucoin\"}";
        assertThat(value(after, retries) - value(before, retries)).as("1 retry, then 3 before the dead letter").isEqualTo(4);
        String deadLetters = "coinsphere_sync_dead_letters_total{application=\"coinsphere-exchange-sync\",exchange=\"kucoin\"}";
        assertThat(value(after, deadLetters) - value(before, deadLetters)).isEqualTo(1);
        String calls = "coinsphere_exchange_calls_total{application=\"coinsphere-exchange-sync\",exchange=\"kucoin\"}";
        assertThat(value(after, calls) - value(before, calls)).isEqualTo(2 + 4);

        assertThat(after).contains("coinsphere_sync_duration_seconds_bucket{application=\"coinsphere-exchange-sync\","
                + "exchange=\"kucoin\",outcome=\"success\",trigger=\"manual\",le=")
                .contains("coinsphere_sync_queue_depth{")
                .contains("coinsphere_connections{application=\"coinsphere-exchange-sync\",status=\"active\"}")
                .contains("http_server_requests_seconds_bucket{");

        // Outbound budget use per exchange (exchange/guard): units spent grow with the calls made.
        String taken = "coinsphere_exchange_budget_taken_total{application=\"coinsphere-exchange-sync\",exchange=\"kucoin\"}";
        assertThat(value(after, taken) - value(before, taken)).isGreaterThanOrEqualTo(2 + 4);
        assertThat(after).contains("coinsphere_exchange_budget_used{application=\"coinsphere-exchange-sync\",exchange=\"binance\"}")
                .contains("coinsphere_exchange_budget_capacity{application=\"coinsphere-exchange-sync\",exchange=\"kraken\"}")
                .contains("coinsphere_exchange_budget_waits_total{application=\"coinsphere-exchange-sync\",exchange=\"coinbase\"}")
                .contains("coinsphere_exchange_budget_refused_total{application=\"coinsphere-exchange-sync\",exchange=\"kucoin\",reason=\"budget\"}")
                .contains("coinsphere_exchange_circuit_state{application=\"coinsphere-exchange-sync\",exchange=\"kucoin\"}");
    }

    private String scrape(String token) {
        var response = OpsHttp.get(port, "/actuator/prometheus", bearer(token));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The sample value of one exact series, 0 when absent. */
    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
