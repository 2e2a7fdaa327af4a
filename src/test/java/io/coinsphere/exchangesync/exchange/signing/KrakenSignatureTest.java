package io.coinsphere.exchangesync.exchange.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KrakenSignatureTest {

    static final String SECRET =
            "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";

    @Test
    void reproducesTheOfficialVector() {
        String body = "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25";

        assertThat(KrakenSignature.sign(SECRET, "/0/private/AddOrder", "1616492376594", body))
                .isEqualTo("4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==");
    }

    @Test
    void rejectsANonBase64SecretWithoutQuotingIt() {
        assertThatThrownBy(() -> KrakenSignature.sign("not base64 !!", "/0/private/Balance", "1", "nonce=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("not base64 !!");
    }
}
