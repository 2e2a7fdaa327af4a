package io.coinsphere.exchangesync.connect;

import io.coinsphere.exchangesync.auth.CurrentUser;
import io.coinsphere.exchangesync.connections.ConnectionRepository;
import io.coinsphere.exchangesync.connections.NewConnection;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.vault.CredentialVault;
import io.coinsphere.exchangesync.web.ApiError;
import io.coinsphere.exchangesync.web.ApiException;
import io.coinsphere.exchangesync.web.ApiReply;
import io.coinsphere.exchangesync.web.JsonBodies;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** The connect flow's logic: supported exchanges, key test, connect, credential replacement. */
@Component
public class ConnectService {

    static final String API_KEY = "api_key_encrypted";
    static final String API_SECRET = "api_secret_encrypted";
    static final String PASSPHRASE = "passphrase_encrypted";
    private static final String SUPPORTED_IDS = String.join(", ", Arrays.stream(ExchangeId.values()).map(ExchangeId::id).toList());

    private final JsonBodies bodies;
    private final CredentialsCheck check;
    private final CredentialVault vault;
    private final ConnectionRepository connections;
    private final KeyWarnings keyWarnings;

    public ConnectService(JsonBodies bodies, CredentialsCheck check, CredentialVault vault, ConnectionRepository connections,
            KeyWarnings keyWarnings) {
        this.keyWarnings = keyWarnings;
        this.bodies = bodies;
        this.check = check;
        this.vault = vault;
        this.connections = connections;
    }

    /** One entry of {@code GET /supported}. */
    public record SupportedExchange(String id, String name, boolean requiresPassphrase) {
    }

    public ApiReply supported() {
        List<SupportedExchange> list = Arrays.stream(ExchangeId.values())
                .map(e -> new SupportedExchange(e.id(), e.displayName(), e.requiresPassphrase()))
                .toList();
        return ApiReply.ok(Map.of("exchanges", list));
    }

    /** {@code POST /test}: asks the exchange, stores nothing. */
    public ApiReply test(Exchange exchange) {
        CurrentUser.id(exchange);
        CredentialsRequest request = bodies.read(exchange, CredentialsRequest.class);
        ExchangeId id = requireExchange(request);
        CredentialsCheck.KeyCheck verdict = check.verify(id, credentials(id, request));
        return ApiReply.ok(ordered("success", true, "message", "Connection successful",
                "permissions", verdict.permissions(), "warnings", verdict.warnings()));
    }

    /** {@code POST /connect}: refuses a key already connected, tests it, then stores it encrypted. */
    public ApiReply connect(Exchange exchange) {
        UUID userId = CurrentUser.id(exchange);
        CredentialsRequest request = bodies.read(exchange, CredentialsRequest.class);
        ExchangeId id = requireExchange(request);
        ApiCredentials credentials = credentials(id, request);
        String fingerprint = vault.fingerprint(id.id() + ":" + credentials.apiKey());
        if (connections.keyAlreadyConnected(userId, id.id(), vault.fingerprints(id.id() + ":" + credentials.apiKey()), null)) {
            throw alreadyConnected(id);
        }
        CredentialsCheck.KeyCheck verdict = check.verify(id, credentials);
        UUID connectionId = UUID.randomUUID();
        try {
            connections.insert(new NewConnection(connectionId, userId, id.id(), label(request, id),
                    vault.encrypt(connectionId, API_KEY, credentials.apiKey()),
                    vault.encrypt(connectionId, API_SECRET, credentials.apiSecret()),
                    credentials.passphrase() == null ? null : vault.encrypt(connectionId, PASSPHRASE, credentials.passphrase()),
                    fingerprint, credentials.keyHint()));
        } catch (ConnectionRepository.AlreadyConnected e) {
            throw alreadyConnected(id);
        }
        keyWarnings.store(userId, connectionId, verdict.warningText());
        exchange.getMessage().setHeader("connectionId", connectionId);
        return ApiReply.created(ordered("success", true, "message", "Exchange connected successfully",
                "connectionId", connectionId, "permissions", verdict.permissions(), "warnings", verdict.warnings()));
    }

    /** {@code PUT /connections/{id}/credentials}: how a user repairs a disabled connection. */
    public ApiReply replaceCredentials(Exchange exchange) {
        UUID userId = CurrentUser.id(exchange);
        UUID connectionId = JsonBodies.pathId(exchange);
        String stored = connections.exchangeOf(userId, connectionId).orElseThrow(() -> ApiException.notFound("Connection"));
        CredentialsRequest request = bodies.read(exchange, CredentialsRequest.class);
        ExchangeId id = ExchangeId.fromId(stored).orElseThrow();
        ApiCredentials credentials = credentials(id, request);
        String fingerprint = vault.fingerprint(id.id() + ":" + credentials.apiKey());
        if (connections.keyAlreadyConnected(userId, id.id(), vault.fingerprints(id.id() + ":" + credentials.apiKey()), connectionId)) {
            throw alreadyConnected(id);
        }
        CredentialsCheck.KeyCheck verdict = check.verify(id, credentials);
        boolean updated;
        try {
            updated = connections.replaceCredentials(userId, connectionId,
                    vault.encrypt(connectionId, API_KEY, credentials.apiKey()),
                    vault.encrypt(connectionId, API_SECRET, credentials.apiSecret()),
                    credentials.passphrase() == null ? null : vault.encrypt(connectionId, PASSPHRASE, credentials.passphrase()),
                    fingerprint, credentials.keyHint());
        } catch (ConnectionRepository.AlreadyConnected e) {
            throw alreadyConnected(id);
        }
        if (!updated) {
            throw ApiException.notFound("Connection");
        }
        keyWarnings.store(userId, connectionId, verdict.warningText());
        return ApiReply.ok(connections.find(userId, connectionId).orElseThrow(() -> ApiException.notFound("Connection")));
    }

    private static ExchangeId requireExchange(CredentialsRequest request) {
        if (request.exchange() == null || request.exchange().isBlank()) {
            throw ApiException.validation("exchange", "is required");
        }
        return ExchangeId.fromId(request.exchange()).orElseThrow(() -> ApiException.validation("exchange",
                "is not supported; use one of " + SUPPORTED_IDS));
    }

    private ApiCredentials credentials(ExchangeId id, CredentialsRequest request) {
        List<ApiError.FieldError> problems = new ArrayList<>();
        boolean hasPassphrase = request.passphrase() != null && !request.passphrase().isBlank();
        if (id.requiresPassphrase() && !hasPassphrase) {
            problems.add(new ApiError.FieldError("passphrase", "is required for " + id.displayName()));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        // Keys are copied from exchange pages; stray whitespace around them is never part of the key.
        // The secret goes as sent: the exchange's adapter knows its shape (one line, or a PEM block).
        return check.checkFormat(id, new ApiCredentials(request.apiKey().strip(), request.apiSecret(),
                id.requiresPassphrase() ? request.passphrase() : null));
    }

    private static String label(CredentialsRequest request, ExchangeId id) {
        return request.label() == null || request.label().isBlank() ? id.displayName() : request.label().strip();
    }

    private static ApiException alreadyConnected(ExchangeId id) {
        return new ApiException(409, "already_connected", "This " + id.displayName() + " API key is already connected");
    }

    /** A JSON object whose fields keep the given order, so answers read the same every time. */
    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
