package io.coinsphere.exchangesync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import javax.management.ObjectName;
import org.jolokia.server.core.util.RequestType;
import org.junit.jupiter.api.Test;

class JolokiaPolicyTest {

    private final JolokiaPolicy policy = new JolokiaPolicy();

    @Test
    void readsCamelRoutesAndContextsMemoryAndThreadsOnly() throws Exception {
        assertThat(policy.isAttributeReadAllowed(new ObjectName("org.apache.camel:context=c,type=routes,name=\"r\""), "ExchangesTotal")).isTrue();
        assertThat(policy.isAttributeReadAllowed(new ObjectName("org.apache.camel:context=c,type=context,name=\"c\""), "State")).isTrue();
        assertThat(policy.isAttributeReadAllowed(new ObjectName("java.lang:type=Memory"), "HeapMemoryUsage")).isTrue();
        assertThat(policy.isAttributeReadAllowed(new ObjectName("java.lang:type=Threading"), "ThreadCount")).isTrue();
        assertThat(policy.isAttributeReadAllowed(new ObjectName("java.lang:type=Runtime"), "SystemProperties")).isFalse();
        assertThat(policy.isAttributeReadAllowed(new ObjectName("java.lang:type=MemoryPool,name=x"), "Usage")).isFalse();
        assertThat(policy.isAttributeReadAllowed(new ObjectName("org.apache.camel:context=c,type=endpoints,name=x"), "x")).isFalse();
        assertThat(policy.isAttributeReadAllowed(new ObjectName("com.sun.management:type=HotSpotDiagnostic"), "x")).isFalse();
        assertThat(policy.isObjectNameHidden(new ObjectName("com.sun.management:type=DiagnosticCommand"))).isTrue();
    }

    @Test
    void nothingRunsOrIsWrittenAndNoOriginGetsCors() throws Exception {
        ObjectName context = new ObjectName("org.apache.camel:context=c,type=context,name=\"c\"");
        assertThat(policy.isOperationAllowed(context, "sendBody")).isFalse();
        assertThat(policy.isAttributeWriteAllowed(context, "Tracing")).isFalse();
        assertThat(policy.isTypeAllowed(RequestType.EXEC)).isFalse();
        assertThat(policy.isTypeAllowed(RequestType.WRITE)).isFalse();
        assertThat(policy.isTypeAllowed(RequestType.NOTIFICATION)).isFalse();
        assertThat(policy.isTypeAllowed(RequestType.READ)).isTrue();
        assertThat(policy.isOriginAllowed("https://evil.example", false)).isFalse();
    }
}
