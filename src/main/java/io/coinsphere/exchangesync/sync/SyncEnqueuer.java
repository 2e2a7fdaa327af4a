package io.coinsphere.exchangesync.sync;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Producer;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.stereotype.Component;

/**
 * Puts one message per connection id on the sync queue. The queue's own SEDA producer makes each
 * message a copy of the caller's exchange (its headers: trigger, claim time, Kafka offset), exactly as
 * a {@code split} + {@code to(seda)} did, without a split and three routing steps per connection (docs/benchmarks.md,
 * "Why the sync flow's code has the shape it has").
 */
@Component
public class SyncEnqueuer {

    private static final List<String> PER_MESSAGE = List.of(SyncHeaders.CONNECTION_ID, SyncHeaders.PRIORITY, SyncHeaders.SEQUENCE);

    private final CamelContext camel;
    private final SyncQueue queue;
    private final String uri;
    private volatile Producer producer;

    public SyncEnqueuer(CamelContext camel, SyncQueue syncQueue, SyncProperties properties) {
        this.camel = camel;
        this.queue = syncQueue;
        this.uri = queueUri(properties.workers());
    }

    /** The SEDA endpoint both sides use (sync-worker.camel.yaml): one URI so producers and workers share one endpoint. */
    static String queueUri(int workers) {
        return "seda:sync-work?concurrentConsumers=" + workers + "&queue=#type:" + SyncQueue.class.getName();
    }

    /** Body: the connection ids; header syncTrigger says who asked. The caller's exchange is left as it came. */
    public void enqueue(Exchange exchange) throws Exception {
        List<?> ids = exchange.getMessage().getMandatoryBody(List.class);
        Object body = exchange.getMessage().getBody();
        // The per-message headers go on the copies only: a REST caller would otherwise answer with them.
        Map<String, Object> before = new HashMap<>();
        for (String name : PER_MESSAGE) {
            before.put(name, exchange.getMessage().getHeader(name));
        }
        // Fire and forget even from a REST request (InOut): the worker must not answer the caller.
        ExchangePattern pattern = exchange.getPattern();
        exchange.setPattern(ExchangePattern.InOnly);
        try {
            for (Object id : ids) {
                exchange.getMessage().setBody(id);
                exchange.getMessage().setHeader(SyncHeaders.CONNECTION_ID, id);
                queue.stamp(exchange);
                producer().process(exchange);
                if (exchange.getException() != null) {
                    throw exchange.getException();
                }
            }
        } finally {
            exchange.setPattern(pattern);
            exchange.getMessage().setBody(body);
            before.forEach((name, value) -> {
                if (value == null) {
                    exchange.getMessage().removeHeader(name);
                } else {
                    exchange.getMessage().setHeader(name, value);
                }
            });
        }
    }

    private Producer producer() throws Exception {
        Producer current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Producer created = camel.getEndpoint(uri).createProducer();
                    ServiceHelper.startService(created);
                    producer = created;
                }
                current = producer;
            }
        }
        return current;
    }
}
