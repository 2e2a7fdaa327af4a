package io.coinsphere.exchangesync.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class JvmMemoryDefaultsTest {

    @Test
    void theDefaultsAreWriteableFlagsOfThisJvmAndAValidOrder() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        JvmMemoryDefaults.DEFAULTS.keySet().forEach(name -> assertThat(vm.getVMOption(name).isWriteable()).as(name).isTrue());
        assertThat(JvmMemoryDefaults.DEFAULTS.keySet()).containsSubsequence("MinHeapFreeRatio", "MaxHeapFreeRatio");
    }

    @Test
    void aFlagTheCommandLineSetIsLeftAlone() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String before = vm.getVMOption("MaxHeapFreeRatio").getValue();
        boolean fromCommandLine = vm.getVMOption("MaxHeapFreeRatio").getOrigin() != com.sun.management.VMOption.Origin.DEFAULT;

        JvmMemoryDefaults.apply();

        assertThat(vm.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(fromCommandLine ? before : "30");
    }
}
