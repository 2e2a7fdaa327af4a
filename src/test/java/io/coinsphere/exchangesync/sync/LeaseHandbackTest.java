package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeaseHandbackTest {

    @Test
    void anInstanceKeepsItsNameAcrossRestarts() {
        assertThat(LeaseHandback.instanceName("", "3001")).endsWith(":3001")
                .isEqualTo(LeaseHandback.instanceName(null, "3001"));
        assertThat(LeaseHandback.instanceName(" sync-a ", "3001")).isEqualTo("sync-a");
    }

    @Test
    void instancesOnRandomPortsNeverShareAName() {
        // Two instances on server.port=0 in one host must not hand back each other's leases as an earlier boot's.
        assertThat(LeaseHandback.instanceName("", "0")).isNotEqualTo(LeaseHandback.instanceName("", "0"));
    }
}
