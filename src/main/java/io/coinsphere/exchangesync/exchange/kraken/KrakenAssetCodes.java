package io.coinsphere.exchangesync.exchange.kraken;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.UnknownAssets;
import io.coinsphere.exchangesync.exchange.Wallet;
import java.util.Locale;
import java.util.Map;

/**
 * The one table from Kraken's asset codes to our symbols. Kraken prefixes its oldest assets with
 * X (crypto) or Z (fiat); newer ones use the plain ticker. A table, not a prefix rule: XTZ, XMR
 * and ZEC are real tickers that a "strip the X/Z" rule would break. Unknown codes pass through.
 */
public final class KrakenAssetCodes {

    /**
     * Suffixes naming the same asset in another state: staked (.S), opt-in rewards (.M),
     * yield-bearing (.B), auto-earn (.F). They are the user's holdings of the base asset.
     */
    private static final Map<String, Wallet> HOLDING_STATE_SUFFIXES =
            Map.of("S", Wallet.STAKED, "M", Wallet.EARN, "B", Wallet.EARN, "F", Wallet.EARN);

    private static final Map<String, String> LEGACY_CODES = Map.ofEntries(
            Map.entry("XXBT", "BTC"),
            Map.entry("XBT", "BTC"),
            Map.entry("XETH", "ETH"),
            // Kraken's staked-ether asset (ETH2, ETH2.S) is ether held in staking.
            Map.entry("ETH2", "ETH"),
            Map.entry("XXDG", "DOGE"),
            Map.entry("XDG", "DOGE"),
            Map.entry("XLTC", "LTC"),
            Map.entry("XXRP", "XRP"),
            Map.entry("XXLM", "XLM"),
            Map.entry("XZEC", "ZEC"),
            Map.entry("XXMR", "XMR"),
            Map.entry("XETC", "ETC"),
            Map.entry("XREP", "REP"),
            Map.entry("XMLN", "MLN"),
            Map.entry("XNMC", "NMC"),
            Map.entry("XICN", "ICN"),
            Map.entry("ZUSD", "USD"),
            Map.entry("ZEUR", "EUR"),
            Map.entry("ZGBP", "GBP"),
            Map.entry("ZJPY", "JPY"),
            Map.entry("ZCAD", "CAD"),
            Map.entry("ZAUD", "AUD"));

    private KrakenAssetCodes() {
    }

    /** Our symbol for a Kraken balance code, e.g. {@code XXBT -> BTC}, {@code DOT.S -> DOT}; never fails. */
    public static String toSymbol(String krakenCode) {
        String code = krakenCode.trim().toUpperCase(Locale.ROOT);
        int dot = code.lastIndexOf('.');
        if (dot > 0 && HOLDING_STATE_SUFFIXES.containsKey(code.substring(dot + 1))) {
            code = code.substring(0, dot);
        } else if (dot > 0) {
            UnknownAssets.note(ExchangeId.KRAKEN, code, "has a suffix we do not know");
        }
        return UnknownAssets.check(ExchangeId.KRAKEN, LEGACY_CODES.getOrDefault(code, code));
    }

    /** Which wallet a Kraken balance code is held in: {@code DOT.S} and {@code ETH2} are staked, {@code .M/.B/.F} earn. */
    public static Wallet wallet(String krakenCode) {
        String code = krakenCode.trim().toUpperCase(Locale.ROOT);
        int dot = code.lastIndexOf('.');
        if (dot > 0) {
            return HOLDING_STATE_SUFFIXES.getOrDefault(code.substring(dot + 1), Wallet.SPOT);
        }
        return code.equals("ETH2") ? Wallet.STAKED : Wallet.SPOT;
    }
}
