package io.coinsphere.exchangesync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FootprintPhaseTest {

    @TempDir
    Path dir;

    @Test
    void nativeMemoryTrackingsSummaryBecomesOneLineLargestFirst() {
        String nmt = """
                12345:

                Native Memory Tracking:

                (Omitting categories weighting less than 1KB)

                Total: reserved=2097152KB, committed=409600KB
                -                 Java Heap (reserved=1048576KB, committed=204800KB)
                                            (mmap: reserved=1048576KB, committed=204800KB)

                -                     Class (reserved=1050000KB, committed=81920KB)
                                            (classes #20000)

                -                    Thread (reserved=60000KB, committed=40960KB)
                                            (thread #58)
                                            (stack: reserved=59000KB, committed=39000KB)

                -                      Code (reserved=250000KB, committed=30720KB)
                -                        GC (reserved=70000KB, committed=512KB)
                """;

        assertThat(FootprintPhase.summary(nmt)).isEqualTo("total 400, Java Heap 200, Class 80, Thread 40 (58 threads), Code 30");
    }

    @Test
    void theJarIsTheOneInTheBuildDirectoryAndJvmArgumentsSplitOnBlanks() throws IOException {
        Files.createFile(dir.resolve("coinsphere-exchange-sync-1.0.jar"));
        Files.createFile(dir.resolve("benchmark.txt"));

        assertThat(io.coinsphere.exchangesync.support.ServiceProcess.findJar(dir).getFileName().toString()).isEqualTo("coinsphere-exchange-sync-1.0.jar");
        assertThat(FootprintPhase.split("  -Xss512k   -XX:+UseSerialGC ")).containsExactly("-Xss512k", "-XX:+UseSerialGC");
        assertThat(FootprintPhase.split("")).isEmpty();
    }
}
