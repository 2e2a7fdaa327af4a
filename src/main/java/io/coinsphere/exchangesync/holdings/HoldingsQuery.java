package io.coinsphere.exchangesync.holdings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads holdings for the API: per connection, and the default portfolio's total per asset. */
@Component
public class HoldingsQuery {

    private final NamedParameterJdbcTemplate jdbc;

    public HoldingsQuery(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One asset held on one connection; amounts as exact decimal strings. */
    public record ConnectionHolding(String symbol, String total, String available, String locked) {
    }

    /** One connection's share of an asset in the portfolio view. */
    public record Share(UUID connectionId, String exchange, String label, String total, String available, String locked) {
    }

    /** An asset's portfolio total with the per-connection breakdown. */
    public record AssetTotal(String symbol, String total, List<Share> connections) {
    }

    public List<ConnectionHolding> forConnection(UUID connectionId) {
        return jdbc.query("""
                SELECT t.symbol, h.amount, h.available, h.locked FROM holdings h JOIN tokens t ON t.id = h.token_id
                WHERE h.connection_id = :id ORDER BY t.symbol""",
                Map.of("id", connectionId),
                (rs, i) -> new ConnectionHolding(rs.getString(1), plain(rs.getBigDecimal(2)),
                        plain(rs.getBigDecimal(3)), plain(rs.getBigDecimal(4))));
    }

    /** The user's default portfolio: one entry per asset, summed over connections. */
    public List<AssetTotal> portfolio(UUID userId) {
        Map<String, List<Share>> shares = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        jdbc.query("""
                SELECT t.symbol, c.id, c.exchange, c.label, h.amount, h.available, h.locked
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
                    shares.computeIfAbsent(symbol, s -> new ArrayList<>()).add(new Share(rs.getObject(2, UUID.class),
                            rs.getString(3), rs.getString(4), plain(amount), plain(rs.getBigDecimal(6)), plain(rs.getBigDecimal(7))));
                    totals.merge(symbol, amount, BigDecimal::add);
                });
        List<AssetTotal> result = new ArrayList<>(shares.size());
        shares.forEach((symbol, list) -> result.add(new AssetTotal(symbol, plain(totals.get(symbol)), list)));
        return result;
    }

    /** Full precision without the column's trailing zeros: 1.500000000000000000 is "1.5". */
    static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
