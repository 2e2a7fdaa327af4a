package io.coinsphere.exchangesync.config;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * One full collection a few seconds after the service is ready: the start (bean creation, Flyway, the broker's
 * start, route building) leaves hundreds of megabytes of garbage that G1 would otherwise keep committed while the
 * service idles; with {@link JvmMemoryDefaults}' free ratios the collection returns it (docs/benchmarks.md,
 * "Footprint"). On its own thread, so readiness does not wait for it.
 */
@Component
class StartupHeapTrim implements ApplicationListener<ApplicationReadyEvent> {

    static final long DELAY_MILLIS = 5_000;

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(DELAY_MILLIS);
                System.gc();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }, "startup-heap-trim");
        thread.setDaemon(true);
        thread.start();
    }
}
