package io.coinsphere.exchangesync.prices;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.util.List;
import java.util.Set;

/**
 * One exchange's public market data (no key). A new exchange adds one implementation as a Spring bean; the
 * refresh route finds it. Calls go through the exchange's guard, so they share its rate budget with syncs.
 */
public interface PriceSource {

    ExchangeId exchange();

    /**
     * The exchange's current prices. {@code wanted} are the assets that value someone's holdings (held assets and
     * the quote currencies): sources that pay per pair fetch only those, sources with one call for all return all.
     */
    List<MarketPrice> fetch(Set<String> wanted);
}
