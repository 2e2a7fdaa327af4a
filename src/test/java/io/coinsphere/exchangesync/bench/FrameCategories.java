package io.coinsphere.exchangesync.bench;

import java.util.List;

/**
 * Attributes one CPU sample to crypto, JSON or SQL by its stack. The innermost frame that belongs to
 * one of them decides (Jackson parsing inside a camel-sql call counts as JSON); a crypto sample counts
 * as vault crypto when the vault is anywhere on the stack, otherwise as signing (HMACs of the exchange
 * requests and the JWT signatures). Samples of the embedded broker (Scala {@code kafka.*}) are counted
 * apart first: they are the price of the embedded default, not of a sync.
 */
final class FrameCategories {

    static final String VAULT = "crypto: vault";
    static final String SIGNING = "crypto: signing";
    static final String JSON = "JSON";
    static final String SQL = "SQL";
    static final String BROKER = "Kafka broker";
    static final String KAFKA_CLIENT = "Kafka client";
    static final String OTHER = "other";
    static final List<String> ALL = List.of(VAULT, SIGNING, JSON, SQL, BROKER, KAFKA_CLIENT, OTHER);

    private FrameCategories() {
    }

    /** @param classNames the sampled stack's class names, innermost first */
    static String categorize(List<String> classNames) {
        if (classNames.stream().anyMatch(t -> t.startsWith("kafka."))) {
            return BROKER;
        }
        for (String type : classNames) {
            if (isCrypto(type)) {
                return classNames.stream().anyMatch(t -> t.startsWith("io.coinsphere.exchangesync.vault.")) ? VAULT : SIGNING;
            }
            if (type.startsWith("com.fasterxml.jackson.")) {
                return JSON;
            }
            if (type.startsWith("org.postgresql.") || type.startsWith("org.springframework.jdbc.")
                    || type.startsWith("org.apache.camel.component.sql.") || type.startsWith("com.zaxxer.hikari.")) {
                return SQL;
            }
            if (type.startsWith("org.apache.kafka.")) {
                return KAFKA_CLIENT;
            }
        }
        return OTHER;
    }

    private static boolean isCrypto(String type) {
        return type.startsWith("javax.crypto.") || type.startsWith("com.sun.crypto.provider.")
                || type.startsWith("sun.security.") || type.startsWith("io.coinsphere.exchangesync.vault.")
                || type.startsWith("io.coinsphere.exchangesync.exchange.signing.");
    }
}
