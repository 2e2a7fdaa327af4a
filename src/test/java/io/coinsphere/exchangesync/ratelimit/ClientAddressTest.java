package io.coinsphere.exchangesync.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress untrusting = new ClientAddress(List.of());
    private final ClientAddress behindProxy = new ClientAddress(List.of("10.0.0.0/8", "127.0.0.1"));

    @Test
    void forwardedForIsIgnoredUnlessTheRemoteAddressIsATrustedProxy() {
        assertThat(untrusting.of("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
        assertThat(behindProxy.of("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedProxyTheFirstUntrustedHopFromTheRightIsTheClient() {
        assertThat(behindProxy.of("127.0.0.1", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        // The client may prepend anything; only what our proxies appended counts.
        assertThat(behindProxy.of("10.1.2.3", List.of("1.1.1.1, 198.51.100.1, 10.9.9.9"))).isEqualTo("198.51.100.1");
        assertThat(behindProxy.of("10.1.2.3", List.of("1.1.1.1", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(behindProxy.of("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
    }

    @Test
    void aMalformedHopStopsTheWalkAtTheLastAddressAProxyVouchedFor() {
        assertThat(behindProxy.of("10.1.2.3", List.of("evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(behindProxy.of("10.1.2.3", List.of("198.51.100.1, 999.1.1.1"))).isEqualTo("10.1.2.3");
        assertThat(behindProxy.of("10.1.2.3", List.of("198.51.100.1, unknown, 10.0.0.5"))).isEqualTo("10.0.0.5");
    }

    @Test
    void ipv6ClientsShareTheirSlash64AndSpellingsDoNotMatter() {
        assertThat(untrusting.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd", List.of())).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(untrusting.of("2001:0db8:0001:0002::1", List.of())).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(untrusting.of("::ffff:192.0.2.1", List.of())).isEqualTo("192.0.2.1");
    }

    @Test
    void onlyIpLiteralsAreParsedNeverHostNames() {
        assertThat(ClientAddress.parse("localhost")).isEmpty();
        assertThat(ClientAddress.parse("abc")).isEmpty();
        assertThat(ClientAddress.parse("1.2.3.4:80")).isEmpty();
        assertThat(ClientAddress.parse("256.1.1.1")).isEmpty();
        assertThat(ClientAddress.parse("[::1]")).isPresent();
        assertThat(ClientAddress.parse("1".repeat(100))).isEmpty();
    }

    @Test
    void aRemoteAddressThatIsNoIpStillGetsItsOwnBucket() {
        assertThat(untrusting.of("unix-socket", List.of("1.2.3.4"))).isEqualTo("peer:unix-socket");
    }

    @Test
    void aTrustedProxySettingThatIsNoAddressStopsTheStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trusted-proxies");
    }
}
