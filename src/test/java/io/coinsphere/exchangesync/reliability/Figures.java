package io.coinsphere.exchangesync.reliability;

import java.util.LinkedHashMap;
import java.util.Map;

/** The measured figures of one fault, printed as one block that docs/reliability.md quotes. */
final class Figures {

    private final String fault;
    private final Map<String, String> values = new LinkedHashMap<>();

    Figures(String fault) {
        this.fault = fault;
    }

    Figures put(String name, Object value) {
        values.put(name, value instanceof Double d ? String.format(java.util.Locale.ROOT, "%.1f", d) : String.valueOf(value));
        return this;
    }

    static double seconds(long fromNanos) {
        return (System.nanoTime() - fromNanos) / 1e9;
    }

    void print() {
        StringBuilder out = new StringBuilder("\n=== reliability: ").append(fault).append('\n');
        values.forEach((k, v) -> out.append(String.format("  %-34s %s%n", k, v)));
        System.out.print(out);
    }
}
