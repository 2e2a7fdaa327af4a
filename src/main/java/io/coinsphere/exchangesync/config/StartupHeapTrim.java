package io.coinsphere.exchangesync.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * One full collection a few seconds after the service is ready: the start (bean creation, Flyway, the broker's
 * start, route building) leaves hundreds of megabytes of garbage that G1 would otherwise keep committed while the
 * service idles; with {@link JvmMemoryDefaults}' free ratios the collection returns it (docs/benchmarks.md,
 * "Footprint"). Then the C heap's free memory goes back too ({@link NativeHeapTrim}). On its own thread, so
 * readiness does not wait for it.
 */
@Component
class StartupHeapTrim implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupHeapTrim.class);

    static final long DELAY_MILLIS = 5_000;

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(DELAY_MILLIS);
                System.gc();
                NativeHeapTrim.trim().ifPresent(report -> LOG.debug("{}", report));
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        }, "startup-heap-trim");
        thread.setDaemon(true);
        thread.start();
    }
}
