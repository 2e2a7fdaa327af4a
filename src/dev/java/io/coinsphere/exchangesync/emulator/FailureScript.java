package io.coinsphere.exchangesync.emulator;

import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The failures scripted for one exchange, per API key or for every request. A key's own script wins
 * over the exchange-wide one, and "next n" failures are used up before an "always" failure applies.
 */
final class FailureScript {

    /** Scope of failures that hit every request; no real API key is empty. */
    private static final String ANY_KEY = "";

    private final Map<String, Scope> scopes = new ConcurrentHashMap<>();

    void failNext(String apiKey, int times, Failure failure) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1: " + times);
        }
        Scope scope = scope(apiKey);
        for (int i = 0; i < times; i++) {
            scope.pending.add(failure);
        }
    }

    void failAlways(String apiKey, Failure failure) {
        scope(apiKey).always = failure;
    }

    void clear(String apiKey) {
        scopes.remove(apiKey == null ? ANY_KEY : apiKey);
    }

    void clearAll() {
        scopes.clear();
    }

    /** Takes the failure that applies to a request made with {@code apiKey} (null when it carried none). */
    Optional<Failure> next(String apiKey) {
        if (apiKey != null && !apiKey.isEmpty()) {
            Optional<Failure> own = take(scopes.get(apiKey));
            if (own.isPresent()) {
                return own;
            }
        }
        return take(scopes.get(ANY_KEY));
    }

    private Scope scope(String apiKey) {
        return scopes.computeIfAbsent(apiKey == null ? ANY_KEY : apiKey, k -> new Scope());
    }

    private static Optional<Failure> take(Scope scope) {
        if (scope == null) {
            return Optional.empty();
        }
        Failure pending = scope.pending.poll();
        return Optional.ofNullable(pending != null ? pending : scope.always);
    }

    private static final class Scope {
        final Queue<Failure> pending = new ConcurrentLinkedQueue<>();
        volatile Failure always;
    }
}
