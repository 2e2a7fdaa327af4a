package io.coinsphere.exchangesync.emulator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer of the emulator. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json;charset=utf-8";

    static Reply json(Object body) {
        return json(200, body);
    }

    static Reply json(int status, Object body) {
        return new Reply(status, JSON, Json.bytes(body), Map.of());
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply empty(int status) {
        return new Reply(status, null, new byte[0], Map.of());
    }

    Reply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Reply(status, contentType, body, copy);
    }

    /** Thrown by request checks to end handling with this reply; cheap, as it has no stack trace. */
    static final class Rejected extends RuntimeException {

        private final Reply reply;

        Rejected(Reply reply) {
            super(null, null, false, false);
            this.reply = reply;
        }

        Reply reply() {
            return reply;
        }
    }
}
