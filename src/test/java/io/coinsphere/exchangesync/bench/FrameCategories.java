package io.coinsphere.exchangesync.bench;

import java.util.List;

/**
 * Attributes one CPU sample to crypto, JSON or SQL by its stack. The innermost frame that belongs to
 * one of them decides (Jackson parsing inside a camel-sql call counts as JSON); a crypto sample counts
 * as vault crypto when the vault is anywhere on the stack, otherwise as signing (HMACs of the exchange
 * requests and the JWT signatures).
 */
final class FrameCategories {

    static final String VAULT = "crypto: vault";
    static final String SIGNING = "crypto: signing";
    static final String JSON = "JSON";
    static final String SQL = "SQL";
    static final String OTHER = "other";
    static final List<String> ALL = List.of(VAULT, SIGNING, JSON, SQL, OTHER);

    private FrameCategories() {
    }

    /** @param classNames the sampled stack's class names, innermost first */
    static String categorize(List<String> classNames) {
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
        }
        return OTHER;
    }

    private static boolean isCrypto(String type) {
        return type.startsWith("javax.crypto.") || type.startsWith("com.sun.crypto.provider.")
                || type.startsWith("sun.security.") || type.startsWith("io.coinsphere.exchangesync.vault.")
                || type.startsWith("io.coinsphere.exchangesync.exchange.signing.");
    }
}
