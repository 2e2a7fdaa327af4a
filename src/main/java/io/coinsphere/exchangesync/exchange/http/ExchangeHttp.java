package io.coinsphere.exchangesync.exchange.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.exchange.ExchangeFailure;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.FailureTranslation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One exchange's HTTP round trip over the JDK's client: requests against its base URL with the read timeout, answers
 * as text, anything below HTTP (timeout, refused connection, interrupt, unreadable JSON) as one of our failures.
 * Thread-safe; it holds no key, so one instance serves every key of the exchange.
 */
public final class ExchangeHttp {

    /** How one exchange reads an error answer (any status but 200). */
    @FunctionalInterface
    public interface ErrorAnswers {
        ExchangeFailure fromResponse(int status, String body, Map<String, List<String>> headers);
    }

    /** Amounts stay exact: a float in an answer becomes a BigDecimal, never a double. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final ExchangeId id;
    private final URI baseUrl;
    private final Duration readTimeout;
    private final HttpClient http;

    public ExchangeHttp(ExchangeId id, ExchangesProperties properties) {
        this.id = id;
        String base = properties.endpoint(id).baseUrl().toString();
        this.baseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        this.readTimeout = properties.readTimeout();
        // HTTP/1.1: predictable on every gateway and on the emulator; each request is one small call.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.connectTimeout()).build();
    }

    /** The base URL without a trailing slash. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** A request for {@code pathWithQuery} with the read timeout; the caller adds method and headers. */
    public HttpRequest.Builder request(String pathWithQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathWithQuery)).timeout(readTimeout);
    }

    /** A GET of {@code pathWithQuery} that asks for JSON. */
    public HttpRequest.Builder get(String pathWithQuery) {
        return request(pathWithQuery).header("Accept", "application/json").GET();
    }

    /** Sends {@code request}; the answer comes back whatever its status. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailable("The call to " + id.displayName() + " was interrupted; the sync will retry later.");
        } catch (IOException e) {
            throw transportFailure(e);
        }
    }

    /** Sends {@code request}; any status but 200 becomes the failure {@code errors} reads from the answer. */
    public HttpResponse<String> sendExpectingOk(HttpRequest request, ErrorAnswers errors) {
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw errors.fromResponse(response.statusCode(), response.body(), response.headers().map());
        }
        return response;
    }

    /** The JSON tree of an answer body (a missing node when it is empty); unreadable JSON is a failure. */
    public JsonNode tree(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json == null ? JSON.missingNode() : json;
        } catch (IOException e) {
            throw transportFailure(e);
        }
    }

    /** The tree of a body that must not be empty. */
    public JsonNode nonEmptyTree(String body) {
        JsonNode json = tree(body);
        if (json.isMissingNode()) {
            throw new ExchangeUnavailable(id.displayName() + " sent an empty answer; the sync will retry later.");
        }
        return json;
    }

    /**
     * Anything a call threw below HTTP, as one of our failures (our own pass through). A timeout is an outage: the
     * exchange as a whole did not answer.
     */
    public ExchangeFailure transportFailure(Throwable error) {
        if (error instanceof ExchangeFailure failure) {
            return failure;
        }
        if (FailureTranslation.findCause(error, HttpTimeoutException.class).isPresent()) {
            return ExchangeUnavailable.outage(id.displayName() + " did not answer in time; the sync will retry later.", error);
        }
        return FailureTranslation.fromTransport(id, error);
    }

    /** The JSON object of a body, or null when it is none (a gateway's HTML page, an empty body): the status decides. */
    public static JsonNode objectOrNull(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(body);
            return json != null && json.isObject() ? json : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** {@link #objectOrNull} as an empty object, for error bodies read field by field. */
    public static JsonNode objectOrEmpty(String body) {
        JsonNode json = objectOrNull(body);
        return json == null ? JSON.createObjectNode() : json;
    }
}
