package io.coinsphere.exchangesync.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.ServiceProcess;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * N connections of one user on the emulator, and what the database says about them: the ledger a fault test reads
 * its outcome from (synced since, leases left, errors, holdings against the emulator's balances).
 */
final class Fleet {

    private final ExchangeEmulator emulator;
    private final Supplier<Connection> database;
    private final List<EmulatedAccount> accounts = new ArrayList<>();
    private final List<UUID> ids = new ArrayList<>();
    private int round;

    Fleet(ExchangeEmulator emulator, Supplier<Connection> database) {
        this.emulator = emulator;
        this.database = database;
        // The faults under test are the service's own; the exchanges' rate limits have tests of their own.
        for (ExchangeId id : ExchangeId.values()) {
            emulator.disableRateLimit(id);
        }
    }

    /** A database on {@code jdbcUrl}; connections are opened per query, so an outage fails only that query. */
    static Supplier<Connection> jdbc(Supplier<String> jdbcUrl, String user, Supplier<String> password) {
        return () -> {
            try {
                DriverManager.setLoginTimeout(5);
                return DriverManager.getConnection(jdbcUrl.get(), user, password.get());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Connects {@code n} Binance accounts (BTC and ETH each) for {@code user}, and waits for their first syncs. */
    Fleet connect(ApiClient user, int n) {
        for (int i = 0; i < n; i++) {
            EmulatedAccount account = emulator.addAccount(ExchangeId.BINANCE)
                    .setBalance("BTC", new BigDecimal("1.0" + i), BigDecimal.ZERO)
                    .setBalance("ETH", new BigDecimal("2"), BigDecimal.ZERO);
            ApiClient.Response connected = user.post("/api/v1/exchanges/connect", ApiClient.json("exchange", "binance",
                    "apiKey", account.apiKey(), "apiSecret", account.apiSecret(), "label", "fleet " + i));
            assertThat(connected.status()).as(connected.raw()).isEqualTo(201);
            accounts.add(account);
            ids.add(UUID.fromString(connected.text("connectionId")));
        }
        awaitSyncedSince(Instant.EPOCH, Duration.ofSeconds(120));
        return this;
    }

    int size() {
        return ids.size();
    }

    /** Moves every account's BTC balance, so that a sync after this call writes holdings that tell rounds apart. */
    Instant nextRound() {
        round++;
        for (int i = 0; i < accounts.size(); i++) {
            accounts.get(i).setBalance("BTC", btc(i), BigDecimal.ZERO);
        }
        return query("SELECT now()", rs -> rs.getTimestamp(1).toInstant());
    }

    private BigDecimal btc(int account) {
        return new BigDecimal(round + "." + (100 + account));
    }

    /** Connections synced successfully after {@code since} (database time). */
    int syncedSince(Instant since) {
        return query("SELECT count(*) FROM exchange_connections WHERE id = ANY(?) AND last_sync_at > ?",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray()));
                    ps.setTimestamp(2, java.sql.Timestamp.from(since));
                }, rs -> rs.getInt(1));
    }

    /** Seconds until every connection synced after {@code since}; fails after {@code limit}. */
    double awaitSyncedSince(Instant since, Duration limit) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        int synced = 0;
        while (System.nanoTime() < deadline) {
            try {
                synced = syncedSince(since);
                if (synced == ids.size()) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IllegalStateException databaseAway) {
                // The fault under test may still be on.
            }
            ServiceProcess.sleep(200);
        }
        throw new AssertionError(synced + " of " + ids.size() + " connections synced after " + since + " within " + limit);
    }

    /** Leases still held (unexpired or not), i.e. connections that show "syncing". */
    int leasesHeld() {
        return query("SELECT count(*) FROM exchange_connections WHERE id = ANY(?) AND sync_lease_until IS NOT NULL",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray())), rs -> rs.getInt(1));
    }

    /** A connection whose sync runs right now (an unexpired lease), if any. */
    UUID running() {
        return query("SELECT id FROM exchange_connections WHERE id = ANY(?) AND sync_lease_until > now() LIMIT 1",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray())), rs -> rs.getObject(1, UUID.class));
    }

    /** Connections in status 'error' or 'disabled'. */
    int notActive() {
        return query("SELECT count(*) FROM exchange_connections WHERE id = ANY(?) AND status <> 'active'",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray())), rs -> rs.getInt(1));
    }

    /** Sync runs recorded as failed since {@code since}. */
    int failedRunsSince(Instant since) {
        return query("SELECT count(*) FROM sync_runs WHERE connection_id = ANY(?) AND status = 'failed' AND finished_at > ?",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids.toArray()));
                    ps.setTimestamp(2, java.sql.Timestamp.from(since));
                }, rs -> rs.getInt(1));
    }

    /** Every connection holds exactly BTC (this round's amount) and ETH: nothing lost, nothing twice. */
    void assertHoldingsMatchTheExchange() {
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            List<String> rows = new ArrayList<>();
            query("SELECT t.symbol, h.amount FROM holdings h JOIN tokens t ON t.id = h.token_id WHERE h.connection_id = ?"
                    + " ORDER BY t.symbol", ps -> ps.setObject(1, id), rs -> {
                        do {
                            rows.add(rs.getString(1) + "=" + rs.getBigDecimal(2).stripTrailingZeros().toPlainString());
                        } while (rs.next());
                        return null;
                    });
            assertThat(rows).as("holdings of connection %s", id)
                    .containsExactly("BTC=" + btc(i).stripTrailingZeros().toPlainString(), "ETH=2");
        }
    }

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    <T> T query(String sql, Reader<T> reader) {
        return query(sql, ps -> { }, reader);
    }

    <T> T query(String sql, Binder binder, Reader<T> reader) {
        try (Connection c = database.get(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(5);
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? reader.read(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
