package io.coinsphere.exchangesync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EarlyStartTest {

    private final AtomicInteger discarded = new AtomicInteger();

    static final class Server implements AutoCloseable {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void theBeanTakesTheServerStartedForItsSettingsOnce() throws Exception {
        Server server = new Server();
        EarlyStart<Server> early = EarlyStart.begin("test-start", List.of("dir", 5432), () -> server, discarded::incrementAndGet);

        assertThat(early.take(List.of("dir", 5432))).isSameAs(server);
        assertThat(early.take(List.of("dir", 5432))).as("taken once").isNull();
        early.close();
        assertThat(server.closed).as("the bean owns it now").isFalse();
        assertThat(discarded).hasValue(0);
    }

    @Test
    void aServerStartedForOtherSettingsIsClosedAndTheBeanStartsItsOwn() throws Exception {
        Server server = new Server();
        EarlyStart<Server> early = EarlyStart.begin("test-start", List.of("dir", 0), () -> server, discarded::incrementAndGet);

        assertThat(early.take(List.of("other-dir", 0))).isNull();
        assertThat(server.closed).isTrue();
        assertThat(discarded).hasValue(1);
    }

    @Test
    void aServerNoBeanTookIsClosedWithTheContext() throws Exception {
        Server server = new Server();
        EarlyStart<Server> early = EarlyStart.begin("test-start", "settings", () -> server, discarded::incrementAndGet);

        early.close();
        assertThat(server.closed).isTrue();
        assertThat(discarded).hasValue(1);
        early.close();
        assertThat(discarded).as("closed once").hasValue(1);
    }

    @Test
    void aFailedStartFailsTheBeanWithItsOwnException() {
        EarlyStart<Server> early = EarlyStart.begin("test-start", "settings", () -> {
            throw new IllegalStateException("port in use");
        }, discarded::incrementAndGet);

        assertThatThrownBy(() -> early.take("settings")).isInstanceOf(IllegalStateException.class).hasMessage("port in use");
    }
}
