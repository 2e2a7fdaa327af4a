package io.coinsphere.exchangesync.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RestLoadResultTest {

    @Test
    void resultLineRoundTrip() {
        RestLoad.Result result = new RestLoad.Result(List.of(1.5, 12.25, 0.1234), 2, 5);

        String line = result.toLine();

        assertThat(line).isEqualTo("RESULT sent=5 errors=2 latencies=1.500,12.250,0.123");
        assertThat(RestLoad.Result.parse(line)).isEqualTo(new RestLoad.Result(List.of(1.5, 12.25, 0.123), 2, 5));
    }

    @Test
    void noAnswers() {
        RestLoad.Result result = RestLoad.Result.parse(new RestLoad.Result(List.of(), 3, 3).toLine());

        assertThat(result.latenciesMs()).isEmpty();
        assertThat(result.errors()).isEqualTo(3);
    }

    @Test
    void otherLinesAreRefused() {
        assertThatThrownBy(() -> RestLoad.Result.parse("STARTED")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestLoad.Result.parse("RESULT latencies=")).isInstanceOf(IllegalArgumentException.class);
    }
}
