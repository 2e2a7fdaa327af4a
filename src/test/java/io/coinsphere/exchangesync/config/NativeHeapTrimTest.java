package io.coinsphere.exchangesync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class NativeHeapTrimTest {

    @Test
    void theJvmsOwnCommandTrimsTheCHeapOnLinux() {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "glibc's malloc_trim is Linux only");

        // The command answers with what it gave back; a missing command or a wrong call would be empty.
        assertThat(NativeHeapTrim.trim()).hasValueSatisfying(report -> assertThat(report).startsWith("Trim native heap"));
    }
}
