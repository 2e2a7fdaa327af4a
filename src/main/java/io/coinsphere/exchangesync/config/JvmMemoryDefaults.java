package io.coinsphere.exchangesync.config;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets an idle service give back the heap that its start needed: G1 runs a collection after a quiet interval and
 * returns free heap to the system (JEP 346), instead of keeping the start's peak committed for ever. Applied from
 * {@code main} to the JVM's manageable flags, only where the command line did not set them, so {@code java -jar} and
 * {@code mvn spring-boot:run} get them without options; an operator's {@code -XX:...} wins. Under load a collection
 * runs anyway, so the periodic one never does (docs/benchmarks.md, "Footprint").
 */
public final class JvmMemoryDefaults {

    private static final Logger LOG = LoggerFactory.getLogger(JvmMemoryDefaults.class);

    /** In this order: the minimum must fall below the maximum before the maximum can drop below 40. */
    static final Map<String, String> DEFAULTS = defaults();

    private JvmMemoryDefaults() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("MinHeapFreeRatio", "10");
        flags.put("MaxHeapFreeRatio", "30");
        flags.put("G1PeriodicGCInterval", "15000");
        return flags;
    }

    /** Sets each default the command line left alone; a JVM without a flag (another collector, another VM) is skipped. */
    public static void apply() {
        HotSpotDiagnosticMXBean vm;
        try {
            vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (RuntimeException notHotSpot) {
            return;
        }
        if (vm == null) {
            return;
        }
        DEFAULTS.forEach((name, value) -> {
            try {
                VMOption option = vm.getVMOption(name);
                if (option.getOrigin() == VMOption.Origin.DEFAULT && option.isWriteable()) {
                    vm.setVMOption(name, value);
                }
            } catch (RuntimeException e) {
                LOG.debug("JVM flag {} left as it is: {}", name, e.toString());
            }
        });
    }
}
