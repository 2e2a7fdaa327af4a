package io.coinsphere.exchangesync.exchange.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BinanceSignatureTest {

    @Test
    void reproducesTheOfficialVector() {
        String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        String payload = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
                + "&recvWindow=5000&timestamp=1499827319559";

        assertThat(BinanceSignature.sign(secret, payload))
                .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void changesWithThePayload() {
        String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

        assertThat(BinanceSignature.sign(secret, "timestamp=1")).isNotEqualTo(BinanceSignature.sign(secret, "timestamp=2"));
    }
}
