package io.coinsphere.exchangesync.sync.trigger;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a fan-out claim now, in the background. A new or repaired connection is due at once, so
 * claiming right away starts its first sync without waiting for the next Quartz tick.
 */
@Component
public class FanoutTrigger {

    private final ProducerTemplate producer;

    public FanoutTrigger(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void claimNow() {
        producer.asyncSendBody("direct:fanout-claim", null);
    }
}
