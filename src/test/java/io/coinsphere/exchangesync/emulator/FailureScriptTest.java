package io.coinsphere.exchangesync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureScriptTest {

    final FailureScript script = new FailureScript();
    final Failure down = Failure.serverError(503);
    final Failure slow = Failure.rateLimited(Duration.ofSeconds(1));

    @Test
    void aKeysOwnFailuresComeBeforeExchangeWideOnes() {
        script.failNext("a", 1, down);
        script.failNext(null, 1, slow);

        assertThat(script.next("a")).contains(down);
        assertThat(script.next("a")).contains(slow);
        assertThat(script.next("a")).isEmpty();
    }

    @Test
    void nextFailuresAreUsedUpBeforeTheStandingOne() {
        script.failAlways("a", slow);
        script.failNext("a", 2, down);

        assertThat(script.next("a")).contains(down);
        assertThat(script.next("a")).contains(down);
        assertThat(script.next("a")).contains(slow);
        assertThat(script.next("a")).contains(slow);
    }

    @Test
    void keyScopedFailuresDoNotTouchOtherKeysOrKeylessRequests() {
        script.failAlways("a", down);

        assertThat(script.next("b")).isEmpty();
        assertThat(script.next(null)).isEmpty();

        script.clear("a");
        assertThat(script.next("a")).isEmpty();
    }
}
