package io.coinsphere.exchangesync.sync;

import io.coinsphere.exchangesync.exchange.Balance;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.sync.FetchedBalances;
import io.coinsphere.exchangesync.sync.SyncAttempts;
import io.coinsphere.exchangesync.sync.SyncHeaders;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/**
 * Builds the named parameters of the holdings upsert from fetched balances: one array per column,
 * so one statement writes every asset of the connection, plus the wallets that keep their stored
 * amounts and the partial-sync warning.
 */
final class HoldingsParams {

    private HoldingsParams() {
    }

    public static Map<String, Object> of(FetchedBalances fetched, Exchange exchange) {
        // Adapters already merge per asset; merging again keeps the unique key safe whatever they do.
        Map<String, Balance> merged = new HashMap<>();
        for (Balance b : fetched.balances()) {
            if (!b.isZero()) {
                merged.merge(b.asset(), b, Balance::plus);
            }
        }
        List<Balance> sorted = merged.values().stream().sorted(Comparator.comparing(Balance::asset)).toList();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("connectionId", fetched.connectionId().toString());
        params.put("portfolioId", fetched.portfolioId().toString());
        params.put("symbols", sorted.stream().map(Balance::asset).toArray(String[]::new));
        params.put("totals", decimals(sorted, Balance::total));
        params.put("available", decimals(sorted, Balance::available));
        params.put("locked", decimals(sorted, Balance::locked));
        params.put("wallets", sorted.stream().map(HoldingsParams::walletsJson).toArray(String[]::new));
        params.put("keptWallets", fetched.keptWallets().stream().map(Wallet::id).sorted().toArray(String[]::new));
        params.put("warning", fetched.warnings().isEmpty() ? null : String.join(" ", fetched.warnings()));
        params.put("assets", sorted.size());
        params.put("digest", ((String[]) params.get("keptWallets")).length > 0 ? null : digest(params));
        putRunParams(params, exchange);
        return params;
    }

    /** The sync_runs columns every outcome records: trigger, start time, attempts. */
    public static void putRunParams(Map<String, Object> params, Exchange exchange) {
        params.put("trigger", exchange.getMessage().getHeader(SyncHeaders.TRIGGER, "scheduled", String.class));
        OffsetDateTime started = exchange.getMessage().getHeader(SyncHeaders.STARTED_AT, OffsetDateTime.class);
        params.put("startedAt", (started == null ? OffsetDateTime.now() : started).toString());
        params.put("attempts", Math.max(1, SyncAttempts.of(exchange)));
    }

    /**
     * {@code {"earn":"2","spot":"1.5"}}: amounts as strings so JSONB keeps every digit (a JSON number
     * would also be exact in PostgreSQL, but not in every client that reads it). Wallet ids are plain
     * lower-case words, so no escaping is needed.
     */
    static String walletsJson(Balance balance) {
        StringBuilder json = new StringBuilder("{");
        balance.wallets().forEach((wallet, amount) -> {
            if (amount.signum() != 0) {
                json.append(json.length() > 1 ? "," : "").append('"').append(wallet.id()).append("\":\"")
                        .append(amount.toPlainString()).append('"');
            }
        });
        return json.append('}').toString();
    }

    /**
     * SHA-256 over everything the holdings rows are made of, in their sorted order: equal digests, equal rows. Null
     * when wallets are kept, because those rows also depend on what is stored.
     */
    static String digest(Map<String, Object> params) {
        MessageDigest sha = sha256();
        update(sha, (String) params.get("portfolioId"));
        for (String column : List.of("symbols", "totals", "available", "locked", "wallets")) {
            for (String value : (String[]) params.get(column)) {
                update(sha, value);
            }
            // Column boundary: a value can never hold U+0001, so no two inputs share an encoding.
            sha.update((byte) 1);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String value) {
        sha.update(value.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String[] decimals(List<Balance> balances, java.util.function.Function<Balance, BigDecimal> column) {
        return balances.stream().map(b -> column.apply(b).toPlainString()).toArray(String[]::new);
    }
}
