package io.coinsphere.exchangesync.demo;

import io.coinsphere.exchangesync.emulator.EmulatedMarket;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Demo mode's past, so that the chart has something to show on the first visit: the emulated markets' prices of the
 * last days (their drift is a function of time, so the past is known), and for every demo connection whose history
 * is younger than a day, generated snapshots of the days before: its current holdings, a little different each day.
 */
final class DemoHistory {

    static final Duration DAYS = Duration.ofDays(3);

    private final JdbcTemplate jdbc;
    private final ExchangeEmulator emulator;

    DemoHistory(JdbcTemplate jdbc, ExchangeEmulator emulator) {
        this.jdbc = jdbc;
        this.emulator = emulator;
    }

    /** Fills in what is missing; cheap when nothing is. */
    void fill() {
        Instant now = Instant.now();
        Instant start = now.minus(DAYS);
        Integer old = jdbc.queryForObject("SELECT count(*) FROM price_history WHERE price_at < ?", Integer.class,
                Timestamp.from(now.minus(Duration.ofDays(1))));
        if (old == null || old == 0) {
            prices(start, now.minus(Duration.ofMinutes(5)));
        }
        List<Map<String, Object>> young = jdbc.queryForList("""
                SELECT c.id, c.user_id FROM exchange_connections c
                WHERE EXISTS (SELECT 1 FROM holding_snapshots s WHERE s.connection_id = c.id)
                  AND NOT EXISTS (SELECT 1 FROM holding_snapshots s WHERE s.connection_id = c.id AND s.taken_at < now() - interval '1 day')""");
        for (Map<String, Object> connection : young) {
            snapshots((UUID) connection.get("id"), (UUID) connection.get("user_id"), start);
        }
    }

    /** Every listed pair's price: hourly before the last day, every 5 minutes within it. */
    private void prices(Instant from, Instant to) {
        EmulatedMarket market = emulator.market();
        List<Object[]> rows = new ArrayList<>();
        for (Instant at = from; at.isBefore(to); at = at.plus(at.isBefore(to.minus(Duration.ofDays(1))) ? Duration.ofHours(1) : Duration.ofMinutes(5))) {
            for (ExchangeId exchange : ExchangeId.values()) {
                for (EmulatedMarket.Listing listing : market.listings(exchange)) {
                    rows.add(new Object[] {listing.base(), listing.quote(), exchange.id(), market.price(exchange, listing, at.toEpochMilli()),
                            Timestamp.from(at)});
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO price_history (base, quote, source, price, price_at) VALUES (?, ?, ?, ?, ?)", rows);
    }

    /** One snapshot every 6 hours back from the first real one, the amounts moving by up to ±3 % a day. */
    private void snapshots(UUID connectionId, UUID userId, Instant from) {
        Map<String, Object> first = jdbc.queryForMap("""
                SELECT taken_at, symbols, amounts FROM holding_snapshots WHERE connection_id = ? ORDER BY taken_at, id LIMIT 1""",
                connectionId);
        Instant firstAt = ((Timestamp) first.get("taken_at")).toInstant();
        String[] symbols = (String[]) arrayOf(first.get("symbols"));
        BigDecimal[] amounts = (BigDecimal[]) arrayOf(first.get("amounts"));
        Random random = new Random(connectionId.getMostSignificantBits());
        List<Object[]> rows = new ArrayList<>();
        for (Instant at = from; at.isBefore(firstAt.minus(Duration.ofHours(1))); at = at.plus(Duration.ofHours(6))) {
            double days = Duration.between(at, firstAt).toHours() / 24d;
            BigDecimal[] past = new BigDecimal[amounts.length];
            for (int i = 0; i < amounts.length; i++) {
                double factor = 1 + (random.nextDouble() - 0.5) * 0.06 * Math.min(days, 3);
                past[i] = amounts[i].multiply(BigDecimal.valueOf(factor)).setScale(8, RoundingMode.HALF_EVEN);
            }
            rows.add(new Object[] {connectionId, userId, Timestamp.from(at), symbols, past});
        }
        for (Object[] row : rows) {
            jdbc.update("INSERT INTO holding_snapshots (connection_id, user_id, taken_at, symbols, amounts) VALUES (?, ?, ?, ?, ?)",
                    ps -> {
                        ps.setObject(1, row[0]);
                        ps.setObject(2, row[1]);
                        ps.setTimestamp(3, (Timestamp) row[2]);
                        ps.setArray(4, ps.getConnection().createArrayOf("text", (Object[]) row[3]));
                        ps.setArray(5, ps.getConnection().createArrayOf("numeric", (Object[]) row[4]));
                    });
        }
    }

    private static Object arrayOf(Object value) {
        try {
            return ((java.sql.Array) value).getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
