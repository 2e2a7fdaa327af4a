package io.coinsphere.exchangesync.exchange.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KrakenAssetCodesTest {

    @ParameterizedTest
    @CsvSource({
            "XXBT, BTC", "XBT, BTC", "XETH, ETH", "XXDG, DOGE", "XDG, DOGE",
            "ZUSD, USD", "ZEUR, EUR", "ZGBP, GBP", "ZJPY, JPY", "ZCAD, CAD",
            "XLTC, LTC", "XXRP, XRP", "XXLM, XLM", "XZEC, ZEC", "XXMR, XMR",
            "XETC, ETC", "XREP, REP", "XMLN, MLN"})
    void mapsLegacyCodes(String kraken, String ours) {
        assertThat(KrakenAssetCodes.toSymbol(kraken)).isEqualTo(ours);
    }

    @ParameterizedTest
    @CsvSource({"DOT.S, DOT", "DOT.M, DOT", "USDC.B, USDC", "SOL.F, SOL", "XBT.M, BTC", "ETH2.S, ETH", "ETH.F, ETH", "xxbt, BTC"})
    void foldsHoldingStateSuffixesIntoTheBaseAsset(String kraken, String ours) {
        assertThat(KrakenAssetCodes.toSymbol(kraken)).isEqualTo(ours);
    }

    @ParameterizedTest
    @CsvSource({"XTZ, XTZ", "XMR, XMR", "ZEC, ZEC", "ADA, ADA", "USDT, USDT", "NEWCOIN, NEWCOIN", "USD.HOLD, USD.HOLD", "FOO.X, FOO.X"})
    void keepsModernAndUnknownCodes(String kraken, String ours) {
        assertThat(KrakenAssetCodes.toSymbol(kraken)).isEqualTo(ours);
    }
}
