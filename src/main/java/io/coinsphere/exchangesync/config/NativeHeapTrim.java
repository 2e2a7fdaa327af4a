package io.coinsphere.exchangesync.config;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the C heap's free memory back to the system, as {@code jcmd <pid> System.trim_native_heap} does: the start's
 * JIT compilations, class parsing and the broker's start free tens of megabytes that glibc keeps in its arenas
 * (docs/benchmarks.md, "Footprint"). Called through the JVM's own diagnostic command, so {@code java -jar} needs no
 * option; where the JVM lacks the command or the C library cannot trim (not glibc), it is a no-op.
 */
final class NativeHeapTrim {

    private static final Logger LOG = LoggerFactory.getLogger(NativeHeapTrim.class);
    private static final String COMMANDS = "com.sun.management:type=DiagnosticCommand";

    private NativeHeapTrim() {
    }

    /** The command's own report ("Trim native heap: RSS+Swap: 433M->404M ..."), or empty where it is not there. */
    static Optional<String> trim() {
        try {
            Object report = ManagementFactory.getPlatformMBeanServer()
                    .invoke(new ObjectName(COMMANDS), "systemTrimNativeHeap", null, null);
            return Optional.ofNullable(report).map(r -> r.toString().trim());
        } catch (JMException | RuntimeException notAvailable) {
            LOG.debug("Native heap not trimmed: {}", notAvailable.toString());
            return Optional.empty();
        }
    }
}
