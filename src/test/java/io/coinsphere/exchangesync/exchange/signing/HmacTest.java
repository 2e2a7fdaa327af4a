package io.coinsphere.exchangesync.exchange.signing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HmacTest {

    @Test
    void hmacSha256MatchesRfc4231TestCase2() {
        byte[] mac = Hmac.hmacSha256(Hmac.utf8("Jefe"), Hmac.utf8("what do ya want for nothing?"));

        assertThat(Hmac.hex(mac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void hmacSha512MatchesRfc4231TestCase2() {
        byte[] mac = Hmac.hmacSha512(Hmac.utf8("Jefe"), Hmac.utf8("what do ya want for nothing?"));

        assertThat(Hmac.hex(mac)).isEqualTo("164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737");
    }

    @Test
    void constantTimeEqualsComparesContentAndHandlesNull() {
        assertThat(Hmac.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(Hmac.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(Hmac.constantTimeEquals("abc", null)).isFalse();
    }
}
