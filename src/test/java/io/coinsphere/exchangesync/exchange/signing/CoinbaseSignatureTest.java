package io.coinsphere.exchangesync.exchange.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CoinbaseSignatureTest {

    @Test
    void reproducesTheIndependentlyComputedVector() {
        assertThat(CoinbaseSignature.sign(KrakenSignatureTest.SECRET, "1795799470", "GET", "/accounts", ""))
                .isEqualTo("F0YnubeSemMaaE5Up5MNDJnmFvyqlXsAAHDDj0Gf8LM=");
    }

    @Test
    void treatsANullBodyAsEmptyAndUpperCasesTheMethod() {
        assertThat(CoinbaseSignature.sign(KrakenSignatureTest.SECRET, "1795799470", "get", "/accounts", null))
                .isEqualTo("F0YnubeSemMaaE5Up5MNDJnmFvyqlXsAAHDDj0Gf8LM=");
    }
}
