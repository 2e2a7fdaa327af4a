package io.coinsphere.exchangesync.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.coinsphere.exchangesync.support.IntegrationTest;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded broker takes connections from this machine only: nothing else on the network may use it. */
class EmbeddedKafkaLoopbackIT extends IntegrationTest {

    @Autowired
    private KafkaBootstrap bootstrap;

    @Test
    void theEmbeddedBrokerListensOnLoopbackOnly() throws Exception {
        String servers = bootstrap.servers();
        assertThat(servers).startsWith("127.0.0.1:");
        int port = Integer.parseInt(servers.substring(servers.lastIndexOf(':') + 1));
        try (Socket local = new Socket()) {
            local.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
        assertThatThrownBy(() -> {
            try (Socket remote = new Socket()) {
                remote.connect(new InetSocketAddress(external.get(), port), 2000);
            }
        }).as("the broker's port on " + external.get()).isInstanceOf(IOException.class);
    }
}
