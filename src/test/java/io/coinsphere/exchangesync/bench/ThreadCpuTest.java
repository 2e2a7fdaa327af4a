package io.coinsphere.exchangesync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void threadsOfOnePoolFallIntoOneGroup() {
        assertThat(ThreadCpu.group("4711 C2 CompilerThre")).isEqualTo("C# CompilerThre");
        assertThat(ThreadCpu.group("12 http-nio-auto-1-")).isEqualTo(ThreadCpu.group("13 http-nio-auto-2-"));
    }

    @Test
    void measuresTheWorkOfANamedThread() throws InterruptedException {
        ThreadCpu cpu = ThreadCpu.start();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch measured = new java.util.concurrent.CountDownLatch(1);
        Thread busy = new Thread(() -> {
            long end = System.nanoTime() + 300_000_000L;
            double sink = 0;
            while (System.nanoTime() < end) {
                sink += Math.sqrt(sink + 1);
            }
            done.countDown();
            try {
                // A thread that ended is gone from /proc: it stays until it was measured.
                measured.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "busy-worker-7");
        busy.start();
        done.await();
        String top = cpu.top(3);
        measured.countDown();
        busy.join();
        assertThat(top).contains("busy-worker-#");
    }
}
