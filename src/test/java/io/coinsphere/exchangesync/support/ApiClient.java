package io.coinsphere.exchangesync.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A plain HTTP client for the service's REST API, as any API user would call it. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    public ApiClient(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** A status and a parsed JSON body (null when the body is not JSON). */
    public record Response(int status, JsonNode body, String raw, HttpResponse<String> http) {
        public String text(String field) {
            return body == null || body.get(field) == null ? null : body.get(field).asText();
        }
    }

    /** Registers a fresh user and logs in; returns a client that carries its token. */
    public static ApiClient newUser(int port) {
        ApiClient anonymous = new ApiClient(port, null);
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String password = "pw-" + UUID.randomUUID();
        LeakWatch.secret(password);
        Response registered = anonymous.post("/api/v1/auth/register", json("email", email, "password", password));
        if (registered.status() != 201) {
            throw new IllegalStateException("register failed: " + registered.raw());
        }
        Response login = anonymous.post("/api/v1/auth/login", json("email", email, "password", password));
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login.raw());
        }
        return new ApiClient(port, login.text("accessToken"));
    }

    public ApiClient withToken(String other) {
        return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), other);
    }

    public String token() {
        return token;
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    /** A GET that asks for {@code accept} (e.g. {@code text/csv}) instead of JSON. */
    public Response get(String path, String accept) {
        return execute(request(path, accept).GET().build());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    /** Sends a raw body as-is (for malformed JSON tests). */
    public Response sendRaw(String method, String path, String rawBody, String contentType) {
        HttpRequest.Builder request = request(path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(rawBody));
        return execute(request.build());
    }

    private Response send(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            HttpRequest.Builder request = request(path).method(method, publisher);
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            return execute(request.build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return request(path, "application/json");
    }

    private HttpRequest.Builder request(String path, String accept) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", accept);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response execute(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String where = "response " + request.method() + " " + request.uri().getPath();
            LeakWatch.scan(where, response.body());
            LeakWatch.scan(where + " headers", response.headers().map().toString());
            JsonNode node = null;
            try {
                node = response.body() == null || response.body().isEmpty() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                node = null;
            }
            return new Response(response.statusCode(), node, response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON object from alternating keys and values; null values are left out. */
    public static java.util.Map<String, Object> json(Object... keyValues) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }
}
