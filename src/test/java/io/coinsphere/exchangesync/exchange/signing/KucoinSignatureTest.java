package io.coinsphere.exchangesync.exchange.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KucoinSignatureTest {

    @Test
    void signedPassphraseReproducesTheSdkVector() {
        assertThat(KucoinSignature.passphrase("test_api_secret", "test_plain"))
                .isEqualTo("jie/gxS38wLFFaBwl/cAzFbAzlI8MIny96jSXrB+iP4=");
    }

    @Test
    void signIsTheSameHmacOverTimestampMethodPathAndBody() {
        // sign() concatenates its parts and applies the same HMAC, so the vector's message in any split matches.
        assertThat(KucoinSignature.sign("test_api_secret", "test_plain", "", "", null))
                .isEqualTo("jie/gxS38wLFFaBwl/cAzFbAzlI8MIny96jSXrB+iP4=");
    }
}
