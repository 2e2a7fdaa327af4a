package io.coinsphere.exchangesync.holdings;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads holdings for the API: per connection, and the default portfolio's total per asset. Each
 * holding carries {@code wallets}, its amount by wallet ({@code {"earn":"2","spot":"1.5"}}).
 */
@Component
public class HoldingsQuery {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> WALLETS = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;

    public HoldingsQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One asset held on one connection; amounts as exact decimal strings. */
    public record ConnectionHolding(String symbol, String total, String available, String locked, Map<String, String> wallets) {
    }

    /** One connection's share of an asset in the portfolio view. */
    public record Share(UUID connectionId, String exchange, String label, String total, String available, String locked,
                        Map<String, String> wallets) {
    }

    /** An asset's portfolio total with the per-connection breakdown. */
    public record AssetTotal(String symbol, String total, Map<String, String> wallets, List<Share> connections) {
    }

    public List<ConnectionHolding> forConnection(UUID connectionId) {
        return jdbc.query("""
                SELECT t.symbol, h.amount, h.available, h.locked, h.wallets::text FROM holdings h JOIN tokens t ON t.id = h.token_id
                WHERE h.connection_id = :id ORDER BY t.symbol""",
                Map.of("id", connectionId),
                (rs, i) -> new ConnectionHolding(rs.getString(1), plain(rs.getBigDecimal(2)),
                        plain(rs.getBigDecimal(3)), plain(rs.getBigDecimal(4)), wallets(rs.getString(5))));
    }

    /** The user's default portfolio: one entry per asset, summed over connections. */
    public List<AssetTotal> portfolio(UUID userId) {
        Map<String, List<Share>> shares = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> walletTotals = new LinkedHashMap<>();
        jdbc.query("""
                SELECT t.symbol, c.id, c.exchange, c.label, h.amount, h.available, h.locked, h.wallets::text
                FROM holdings h
                JOIN portfolios p ON p.id = h.portfolio_id AND p.is_default
                JOIN tokens t ON t.id = h.token_id
                JOIN exchange_connections c ON c.id = h.connection_id
                WHERE p.user_id = :userId
                ORDER BY t.symbol, c.created_at, c.id""",
                Map.of("userId", userId),
                rs -> {
                    String symbol = rs.getString(1);
                    BigDecimal amount = rs.getBigDecimal(5);
                    Map<String, String> wallets = wallets(rs.getString(8));
                    shares.computeIfAbsent(symbol, s -> new ArrayList<>()).add(new Share(rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), plain(amount), plain(rs.getBigDecimal(6)), plain(rs.getBigDecimal(7)),
                            wallets));
                    totals.merge(symbol, amount, BigDecimal::add);
                    Map<String, BigDecimal> byWallet = walletTotals.computeIfAbsent(symbol, s -> new TreeMap<>());
                    wallets.forEach((wallet, part) -> byWallet.merge(wallet, new BigDecimal(part), BigDecimal::add));
                });
        List<AssetTotal> result = new ArrayList<>(shares.size());
        shares.forEach((symbol, list) -> {
            Map<String, String> wallets = new TreeMap<>();
            walletTotals.get(symbol).forEach((wallet, part) -> wallets.put(wallet, plain(part)));
            result.add(new AssetTotal(symbol, plain(totals.get(symbol)), wallets, list));
        });
        return result;
    }

    /** The stored breakdown; rows written before wallets were tracked have none ({@code {}}). */
    static Map<String, String> wallets(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> parsed = new TreeMap<>();
            JSON.readValue(json, WALLETS).forEach((wallet, part) -> parsed.put(wallet, plain(new BigDecimal(part))));
            return parsed;
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** Full precision without the column's trailing zeros: 1.500000000000000000 is "1.5". */
    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
