package io.coinsphere.exchangesync.exchange.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BitstampSignatureTest {

    /** The concatenation of Bitstamp's documentation example, computed independently with the JDK's HMAC. */
    @Test
    void signsTheDocumentedConcatenationInOrder() {
        String message = "BITSTAMP api_key" + "POST" + "www.bitstamp.net" + "/api/v2/user_transactions/" + ""
                + "application/x-www-form-urlencoded" + "f93c979d-b00d-43a9-9b9c-fd4cd9547fa6" + "1567755304968" + "v2" + "offset=1";
        String expected = Hmac.hex(Hmac.hmacSha256(Hmac.utf8("api_key_secret"), Hmac.utf8(message)));
        assertThat(BitstampSignature.sign("api_key_secret", "api_key", "post", "www.bitstamp.net", "/api/v2/user_transactions/",
                "", "application/x-www-form-urlencoded", "f93c979d-b00d-43a9-9b9c-fd4cd9547fa6", "1567755304968", "offset=1"))
                .isEqualTo(expected).hasSize(64).isLowerCase();
    }

    /** Without a body there is no Content-Type, in the headers or in the signed message. */
    @Test
    void aBodylessRequestSignsNoContentType() {
        String withType = BitstampSignature.sign("s", "k", "POST", "h", "/p/", "", "application/x-www-form-urlencoded", "n", "1", "");
        String without = BitstampSignature.sign("s", "k", "POST", "h", "/p/", "", null, "n", "1", "");
        assertThat(withType).isEqualTo(without)
                .isEqualTo(Hmac.hex(Hmac.hmacSha256(Hmac.utf8("s"), Hmac.utf8("BITSTAMP kPOSTh/p/n1v2"))));
    }

    @Test
    void everyPartChangesTheSignature() {
        String base = BitstampSignature.sign("s", "k", "POST", "h", "/p/", "", null, "n", "1", "");
        assertThat(BitstampSignature.sign("s", "k", "POST", "h:8443", "/p/", "", null, "n", "1", "")).isNotEqualTo(base);
        assertThat(BitstampSignature.sign("s", "k", "POST", "h", "/p/", "", null, "n2", "1", "")).isNotEqualTo(base);
        assertThat(BitstampSignature.sign("s", "k", "POST", "h", "/p/", "", null, "n", "2", "")).isNotEqualTo(base);
        assertThat(BitstampSignature.sign("t", "k", "POST", "h", "/p/", "", null, "n", "1", "")).isNotEqualTo(base);
    }
}
