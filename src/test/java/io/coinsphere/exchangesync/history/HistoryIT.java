package io.coinsphere.exchangesync.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portfolio history end to end: snapshots taken by syncs (on change and on the heartbeat), kept or erased on
 * disconnect, compacted, and read back as value over a range, in JSON and CSV.
 */
class HistoryIT extends IntegrationTest {

    @BeforeAll
    static void pinPrices() {
        EMULATOR.market().setPrice(ExchangeId.KRAKEN, "XXBTZUSD", new BigDecimal("60000"));
        EMULATOR.market().setPrice(ExchangeId.COINBASE, "BTC-USD", new BigDecimal("60000"));
    }

    private void refreshPrices() {
        camel.createProducerTemplate().requestBody("direct:prices-refresh", (Object) null);
    }

    private int snapshots(UUID connectionId) {
        return jdbc.queryForObject("SELECT count(*) FROM holding_snapshots WHERE connection_id = ?", Integer.class, connectionId);
    }

    private static UUID userId(ApiClient user) {
        return UUID.fromString(user.get("/api/v1/me").text("userId"));
    }

    private record Connected(EmulatedAccount account, UUID id) {
    }

    private Connected krakenWithBitcoin(ApiClient user, String amount) {
        EmulatedAccount account = account(ExchangeId.KRAKEN);
        account.setBalance("XXBT", new BigDecimal(amount), BigDecimal.ZERO);
        UUID id = connect(user, account);
        awaitRuns(id, 1);
        return new Connected(account, id);
    }

    @Test
    void aSyncTakesASnapshotWhenHoldingsChangeAndOnTheHeartbeat() {
        ApiClient user = newUser();
        Connected kraken = krakenWithBitcoin(user, "0.5");
        assertThat(snapshots(kraken.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT array_to_string(symbols, ',') || '=' || array_to_string(amounts, ',') "
                + "FROM holding_snapshots WHERE connection_id = ?", String.class, kraken.id())).isEqualTo("BTC=0.500000000000000000");

        syncNow(user, kraken.id());
        assertThat(snapshots(kraken.id())).as("unchanged holdings, heartbeat not due").isEqualTo(1);

        kraken.account().setBalance("XETH", new BigDecimal("2"), BigDecimal.ZERO);
        syncNow(user, kraken.id());
        assertThat(snapshots(kraken.id())).as("changed holdings").isEqualTo(2);

        jdbc.update("UPDATE exchange_connections SET snapshot_at = now() - interval '2 hours' WHERE id = ?", kraken.id());
        syncNow(user, kraken.id());
        assertThat(snapshots(kraken.id())).as("heartbeat").isEqualTo(3);
    }

    @Test
    void historyValuesThePastAtThePricesOfTheTime() {
        ApiClient user = newUser();
        Connected kraken = krakenWithBitcoin(user, "1");
        refreshPrices();
        UUID userId = userId(user);
        Instant twentyHoursAgo = Instant.now().minus(Duration.ofHours(20));
        // One BTC held since 20 hours ago, when a BTC was quoted 50000 (and 60000 now).
        jdbc.update("INSERT INTO holding_snapshots (connection_id, user_id, taken_at, symbols, amounts) VALUES (?, ?, ?, '{BTC}', '{1}')",
                kraken.id(), userId, Timestamp.from(twentyHoursAgo));
        jdbc.update("INSERT INTO price_history (base, quote, source, price, price_at) VALUES ('BTC', 'USD', 'kraken', 50000, ?)",
                Timestamp.from(twentyHoursAgo.minus(Duration.ofHours(1))));

        JsonNode history = user.get("/api/v1/portfolio/history?range=24h").body();

        assertThat(history.get("range").asText()).isEqualTo("24h");
        assertThat(history.get("stepSeconds").asLong()).isEqualTo(300);
        JsonNode points = history.get("points");
        assertThat(points.size()).isBetween(230, 242);
        assertThat(new BigDecimal(points.get(0).get("value").asText())).isEqualByComparingTo("50000");
        assertThat(new BigDecimal(points.get(points.size() - 1).get("value").asText())).isEqualByComparingTo("60000");
        assertThat(new BigDecimal(history.get("change").get("absolute").asText())).isEqualByComparingTo("10000");
        assertThat(new BigDecimal(history.get("change").get("percent").asText())).isEqualByComparingTo("20");

        JsonNode btc = user.get("/api/v1/portfolio/history?range=7d&asset=btc").body();
        assertThat(btc.get("asset").asText()).isEqualTo("BTC");
        assertThat(btc.get("stepSeconds").asLong()).isEqualTo(3600);
        JsonNode last = btc.get("points").get(btc.get("points").size() - 1);
        assertThat(new BigDecimal(last.get("amount").asText())).isEqualByComparingTo("1");
    }

    @Test
    void badQueriesAreRefusedAndOthersHistoryIsNeverSeen() {
        ApiClient user = newUser();
        ApiClient.Response range = user.get("/api/v1/portfolio/history?range=2w");
        ApiClient.Response asset = user.get("/api/v1/portfolio/history?asset=B%24C");
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.body().get("details").get(0).get("field").asText()).isEqualTo("range");
        assertThat(asset.status()).isEqualTo(400);
        assertThat(user.get("/api/v1/portfolio/history.csv?range=2w", "text/csv").status()).isEqualTo(400);

        ApiClient other = newUser();
        krakenWithBitcoin(other, "3");
        assertThat(user.get("/api/v1/portfolio/history?range=all").body().get("points").size()).isZero();
        assertThat(anonymous().get("/api/v1/portfolio/history").status()).isEqualTo(401);
    }

    @Test
    void historyAndHoldingsExportAsCsvWithExactDecimalsAndDefusedLabels() {
        ApiClient user = newUser();
        EmulatedAccount account = account(ExchangeId.KRAKEN);
        account.setBalance("XXBT", new BigDecimal("0.123456789012345678"), BigDecimal.ZERO);
        ApiClient.Response connected = user.post("/api/v1/exchanges/connect", credentials(account, "=HYPERLINK(\"x\"), main"));
        assertThat(connected.status()).as(connected.raw()).isEqualTo(201);
        awaitRuns(UUID.fromString(connected.text("connectionId")), 1);
        refreshPrices();

        ApiClient.Response holdings = user.get("/api/v1/holdings.csv", "text/csv");
        assertThat(holdings.status()).isEqualTo(200);
        assertThat(holdings.http().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(holdings.http().headers().firstValue("Content-Disposition").orElse("")).contains("holdings.csv");
        List<List<String>> rows = parse(holdings.raw());
        assertThat(rows.get(0)).containsExactly("asset", "exchange", "connection", "amount", "price", "value", "quote_currency",
                "price_at", "price_source", "stale");
        List<String> btc = rows.get(1);
        assertThat(btc).hasSize(10);
        assertThat(btc.get(0)).isEqualTo("BTC");
        assertThat(btc.get(2)).isEqualTo("'=HYPERLINK(\"x\"), main");
        assertThat(btc.get(3)).isEqualTo("0.123456789012345678");
        assertThat(btc.get(4)).isEqualTo("60000");
        assertThat(btc.get(5)).isEqualTo("7407.40734074074068");
        assertThat(btc.get(6)).isEqualTo("USD");

        ApiClient.Response history = user.get("/api/v1/portfolio/history.csv?range=24h", "text/csv");
        List<List<String>> points = parse(history.raw());
        assertThat(points.get(0)).containsExactly("time", "value", "quote_currency", "asset", "amount", "unpriced_assets");
        assertThat(points).allSatisfy(row -> assertThat(row).hasSize(6));
        assertThat(points.get(points.size() - 1).get(1)).isEqualTo("7407.40734074074068");
        assertThat(history.http().headers().firstValue("Content-Disposition").orElse("")).contains("portfolio-history-24h.csv");
    }

    @Test
    void disconnectingKeepsThePastUnlessTheUserErasesIt() {
        ApiClient user = newUser();
        Connected kept = krakenWithBitcoin(user, "1");
        Connected erased = krakenWithBitcoin(user, "2");

        assertThat(user.delete("/api/v1/exchanges/connections/" + kept.id() + "?eraseHistory=maybe").status()).isEqualTo(400);
        assertThat(user.delete("/api/v1/exchanges/connections/" + kept.id()).status()).isEqualTo(200);
        assertThat(user.delete("/api/v1/exchanges/connections/" + erased.id() + "?eraseHistory=true").status()).isEqualTo(200);

        assertThat(snapshots(kept.id())).as("its snapshot and the empty one that ends it").isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT cardinality(symbols) FROM holding_snapshots WHERE connection_id = ? "
                + "ORDER BY taken_at DESC, id DESC LIMIT 1", Integer.class, kept.id())).isZero();
        assertThat(snapshots(erased.id())).isZero();
    }

    @Test
    void compactionKeepsTheLastRowPerHourAfterSevenDaysAndPerDayAfterNinetyDays() {
        ApiClient user = newUser();
        UUID userId = userId(user);
        UUID connection = UUID.randomUUID();
        Instant now = Instant.now();
        Instant tenDaysAgo = now.minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.HOURS);
        Instant hundredDaysAgo = now.minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.DAYS);
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            times.add(tenDaysAgo.plus(Duration.ofMinutes(5L * i)));          // one hour, full detail
            times.add(hundredDaysAgo.plus(Duration.ofHours(2L * i)));         // one day, hourly
            times.add(now.minus(Duration.ofMinutes(5L * i + 1)));             // recent
        }
        for (Instant at : times) {
            jdbc.update("INSERT INTO holding_snapshots (connection_id, user_id, taken_at, symbols, amounts) VALUES (?, ?, ?, '{BTC}', '{1}')",
                    connection, userId, Timestamp.from(at));
            jdbc.update("INSERT INTO price_history (base, quote, source, price, price_at) VALUES ('COMPACTTEST', 'USD', 'kraken', 1, ?)",
                    Timestamp.from(at));
        }

        camel.createProducerTemplate().requestBody("direct:history-compaction", (Object) null);

        assertThat(jdbc.queryForList("SELECT taken_at FROM holding_snapshots WHERE connection_id = ? AND taken_at < now() - interval '1 day' "
                + "ORDER BY taken_at", Timestamp.class, connection)).extracting(Timestamp::toInstant)
                .containsExactly(hundredDaysAgo.plus(Duration.ofHours(22)), tenDaysAgo.plus(Duration.ofMinutes(55)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM holding_snapshots WHERE connection_id = ? AND taken_at > now() - interval '1 day'",
                Integer.class, connection)).isEqualTo(12);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM price_history WHERE base = 'COMPACTTEST'", Integer.class)).isEqualTo(14);
    }

    /** RFC 4180: quoted fields with doubled quotes, CRLF records. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(quoted).as("unterminated quote").isFalse();
        assertThat(field.length()).as("last record ends with CRLF").isZero();
        return rows;
    }
}
