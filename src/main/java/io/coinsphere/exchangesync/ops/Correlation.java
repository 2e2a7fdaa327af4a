package io.coinsphere.exchangesync.ops;

import org.apache.camel.Exchange;
import org.slf4j.MDC;

/**
 * Carries a request's correlation id to the threads that do its work. Camel's MDC key pattern did this
 * by matching every MDC key against a regex before every processor (costly, docs/benchmarks.md);
 * here the id travels as a message header (a Kafka record header across the broker) and is put into the
 * MDC once, where a worker picks the sync up.
 */
public final class Correlation {

    /** The header that carries the id: a plain token (see {@link CorrelationIdFilter}), never a secret. */
    public static final String HEADER = "correlationId";

    private Correlation() {
    }

    /** The correlation id of the current thread's request, or null (fan-out, tests). */
    public static String current() {
        return MDC.get(CorrelationIdFilter.MDC_KEY);
    }

    /** Puts the exchange's id into this thread's MDC, or clears one left by an earlier exchange. */
    public static void enter(Exchange exchange) {
        String id = exchange.getMessage().getHeader(HEADER, String.class);
        if (id != null && CorrelationIdFilter.isAcceptable(id)) {
            MDC.put(CorrelationIdFilter.MDC_KEY, id);
        } else {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
    }

    /** The worker thread goes back to its pool: it must not lend this id to the next exchange. */
    public static void leave() {
        MDC.remove(CorrelationIdFilter.MDC_KEY);
    }
}
