package io.coinsphere.exchangesync.prices;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The latest price per pair and source ({@code market_prices}) and the recorded past of the pairs that value
 * holdings ({@code price_history}).
 */
@Component
public class PriceStore {

    private final NamedParameterJdbcTemplate jdbc;

    public PriceStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Upserts in one statement; an older price never overwrites a newer one. */
    public int save(Collection<MarketPrice> prices) {
        if (prices.isEmpty()) {
            return 0;
        }
        int n = prices.size();
        String[] bases = new String[n];
        String[] quotes = new String[n];
        String[] sources = new String[n];
        String[] values = new String[n];
        Timestamp[] times = new Timestamp[n];
        int i = 0;
        for (MarketPrice p : prices) {
            bases[i] = p.base();
            quotes[i] = p.quote();
            sources[i] = p.source();
            values[i] = p.price().toPlainString();
            times[i++] = Timestamp.from(p.at());
        }
        return jdbc.update("""
                INSERT INTO market_prices (base, quote, source, price, price_at)
                SELECT DISTINCT ON (b, q, s) b, q, s, CAST(v AS numeric), t
                FROM unnest(CAST(:bases AS text[]), CAST(:quotes AS text[]), CAST(:sources AS text[]),
                            CAST(:values AS text[]), CAST(:times AS timestamptz[])) AS i(b, q, s, v, t)
                WHERE length(b) <= 32 AND length(q) <= 32
                ORDER BY b, q, s, t DESC
                ON CONFLICT (base, quote, source) DO UPDATE SET price = EXCLUDED.price, price_at = EXCLUDED.price_at
                    WHERE market_prices.price_at <= EXCLUDED.price_at""",
                new MapSqlParameterSource("bases", bases).addValue("quotes", quotes).addValue("sources", sources)
                        .addValue("values", values).addValue("times", times));
    }

    /** Every stored price whose base and quote are both among {@code symbols}. */
    public List<MarketPrice> latest(Set<String> symbols) {
        return jdbc.query("""
                SELECT base, quote, price, source, price_at FROM market_prices
                WHERE base = ANY (CAST(:symbols AS text[])) AND quote = ANY (CAST(:symbols AS text[]))""",
                Map.of("symbols", symbols.toArray(String[]::new)),
                (rs, row) -> new MarketPrice(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()));
    }

    /** Held assets (every symbol ever held) and the anchors: the assets whose prices are worth reading. */
    public Set<String> wanted(Set<String> anchors) {
        Set<String> wanted = new LinkedHashSet<>(anchors);
        wanted.addAll(jdbc.queryForList("SELECT symbol FROM tokens", Map.of(), String.class));
        return wanted;
    }

    /**
     * Copies into the history the latest price of each pair that can value a holding (base held or an anchor,
     * quote an anchor), per source, unless the pair was recorded within {@code interval}. Returns rows written.
     */
    public int recordHistory(Set<String> anchors, Duration interval) {
        return jdbc.update("""
                INSERT INTO price_history (base, quote, source, price, price_at)
                SELECT m.base, m.quote, m.source, m.price, m.price_at FROM market_prices m
                WHERE m.quote = ANY (CAST(:anchors AS text[]))
                  AND (m.base = ANY (CAST(:anchors AS text[])) OR m.base IN (SELECT symbol FROM tokens))
                  AND NOT EXISTS (SELECT 1 FROM price_history h
                                  WHERE h.base = m.base AND h.quote = m.quote AND h.source = m.source
                                    AND h.price_at > m.price_at - CAST(:interval AS interval))""",
                new MapSqlParameterSource("anchors", anchors.toArray(String[]::new))
                        .addValue("interval", interval.toSeconds() + " seconds"));
    }

    /**
     * Prices of {@code symbols} pairs recorded between {@code from} and {@code to}, plus the last one of each pair
     * before {@code from} (the price in force when the range starts), oldest first.
     */
    public List<MarketPrice> history(Set<String> symbols, Instant from, Instant to) {
        MapSqlParameterSource params = new MapSqlParameterSource("symbols", symbols.toArray(String[]::new))
                .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
        List<MarketPrice> result = new ArrayList<>(jdbc.query("""
                SELECT * FROM (
                    SELECT DISTINCT ON (base, quote, source) base, quote, price, source, price_at FROM price_history
                    WHERE base = ANY (CAST(:symbols AS text[])) AND quote = ANY (CAST(:symbols AS text[])) AND price_at < :from
                    ORDER BY base, quote, source, price_at DESC) AS before
                UNION ALL
                SELECT base, quote, price, source, price_at FROM price_history
                WHERE base = ANY (CAST(:symbols AS text[])) AND quote = ANY (CAST(:symbols AS text[]))
                  AND price_at >= :from AND price_at <= :to
                ORDER BY price_at""", params,
                (rs, row) -> new MarketPrice(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())));
        return result;
    }
}
