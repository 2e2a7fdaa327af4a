package io.coinsphere.exchangesync.exchange.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class GeminiSignatureTest {

    @Test
    void thePayloadIsTheRequestPathAndNonceInBase64() {
        String payload = GeminiSignature.encode(GeminiSignature.payloadJson("/v1/balances", 1_700_000_000L));
        assertThat(new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8))
                .isEqualTo("{\"request\":\"/v1/balances\",\"nonce\":\"1700000000\"}");
    }

    /** HMAC-SHA384 over the base64 text exactly as sent (96 hex digits), computed independently with the JDK. */
    @Test
    void signsTheBase64PayloadWithHmacSha384() throws Exception {
        String payload = "eyJyZXF1ZXN0IjogIi92MS9vcmRlci9zdGF0dXMiLCAibm9uY2UiOiAxMjM0NTYsICJvcmRlcl9pZCI6IDE4ODM0fQ==";
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA384");
        mac.init(new javax.crypto.spec.SecretKeySpec("1234abcd".getBytes(StandardCharsets.UTF_8), "HmacSHA384"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        assertThat(GeminiSignature.sign("1234abcd", payload)).isEqualTo(expected).hasSize(96)
                .isEqualTo("b7bb3a39d0005c86c3e9b49892e866e3e0a071c5868cda185727affa1632ebca3451c8c35ab71f1ffdc2c000602f6f03");
        assertThat(GeminiSignature.sign("1234abcd", payload + " ")).isNotEqualTo(expected);
    }
}
