package io.coinsphere.exchangesync.emulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A received request, keeping the raw query and body because signatures are computed over them. */
record EmulatedRequest(String method, String path, String rawQuery, String body, Headers headers,
                       Map<String, String> query, Map<String, String> form) {

    static EmulatedRequest read(HttpExchange http) throws IOException {
        String rawQuery = http.getRequestURI().getRawQuery();
        String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = http.getRequestHeaders().getFirst("Content-Type");
        boolean isForm = contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
        return new EmulatedRequest(http.getRequestMethod(), http.getRequestURI().getRawPath(),
                rawQuery == null ? "" : rawQuery, body, http.getRequestHeaders(),
                parse(rawQuery), isForm ? parse(body) : Map.of());
    }

    /** Header value, case-insensitive; null if absent. */
    String header(String name) {
        return headers.getFirst(name);
    }

    /** A parameter from the query string or, failing that, the form body. */
    String param(String name) {
        String value = query.get(name);
        return value != null ? value : form.get(name);
    }

    /** Path plus {@code ?query} exactly as sent, the "request path" Coinbase and KuCoin sign. */
    String pathWithQuery() {
        return rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    }

    String route() {
        return method + " " + path;
    }

    /** Decodes {@code a=1&b=2}; the first occurrence of a name wins. */
    static Map<String, String> parse(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /** The encoded parameters without {@code name}, order and encoding untouched. */
    static String without(String encoded, String name) {
        return Arrays.stream(encoded.split("&"))
                .filter(pair -> !pair.isEmpty() && !pair.equals(name) && !pair.startsWith(name + "="))
                .collect(Collectors.joining("&"));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A broken %-escape is kept raw; the signature check will then reject the request.
            return text;
        }
    }
}
