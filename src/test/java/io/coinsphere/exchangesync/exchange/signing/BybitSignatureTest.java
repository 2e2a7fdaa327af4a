package io.coinsphere.exchangesync.exchange.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected values computed independently (Python's hmac module) over Bybit's documented concatenation. */
class BybitSignatureTest {

    private static final String SECRET = "TestSecretTestSecretTestSecret123456";

    @Test
    void signsTimestampKeyReceiveWindowAndTheQueryStringAsSent() {
        assertThat(BybitSignature.sign(SECRET, "1658384314791", "XXXXXXXXXX", "5000", "category=option&symbol=BTC-29JUL22-25000-C"))
                .isEqualTo("eabb7594327be46f75b281a476ea31bfaedb6c44bf11f93bc20b4528aa79b9a7");
    }

    @Test
    void aRequestWithoutParametersSignsNothingAfterTheWindow() {
        assertThat(BybitSignature.sign(SECRET, "1658384314791", "XXXXXXXXXX", "5000", ""))
                .isEqualTo("3ae27f321bd202ab5e35b6d56ec733a518e4c5594d833ddfe489e6ad774f092f")
                .isEqualTo(BybitSignature.sign(SECRET, "1658384314791", "XXXXXXXXXX", "5000", null));
    }
}
