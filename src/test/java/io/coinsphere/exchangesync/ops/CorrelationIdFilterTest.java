package io.coinsphere.exchangesync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationIdFilterTest {

    @Test
    void aPlainCallerIdIsKept() {
        assertThat(CorrelationIdFilter.correlationId("req-2026.01_abc")).isEqualTo("req-2026.01_abc");
    }

    @Test
    void anythingThatCouldForgeALogLineIsReplaced() {
        for (String offered : new String[] {null, "", "short", "has space in it", "line\nbreak-injected",
                "x".repeat(65), "quote\"in-it-here"}) {
            assertThat(CorrelationIdFilter.correlationId(offered)).as(String.valueOf(offered))
                    .matches("[0-9a-f-]{36}");
        }
    }
}
