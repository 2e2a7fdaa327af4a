package io.coinsphere.exchangesync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.support.IntegrationTest;
import org.apache.camel.component.seda.SedaEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The queue's producer (SyncEnqueuer) and its workers (sync-worker.camel.yaml) are one SEDA endpoint on one queue. */
class SyncWorkerEndpointIT extends IntegrationTest {

    @Autowired
    private SyncProperties properties;

    @Autowired
    private SyncQueue queue;

    @Test
    void theEnqueuerSendsToTheWorkersEndpoint() {
        SedaEndpoint workers = (SedaEndpoint) camel.getRoute("sync-worker").getEndpoint();

        assertThat(camel.getEndpoint(SyncEnqueuer.queueUri(properties.workers()))).isSameAs(workers);
        assertThat(workers.getQueue()).isSameAs(queue);
        assertThat(workers.getConcurrentConsumers()).isEqualTo(properties.workers());
    }
}
