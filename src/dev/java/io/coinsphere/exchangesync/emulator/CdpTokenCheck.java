package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.Json.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Coinbase's checks of the bearer JWT, in the order that gives each error: a well-formed token, ES256 or
 * EdDSA, {@code iss} "cdp", {@code sub} = {@code kid} = a known key, a signature by that key (ES256 in the
 * 64-byte R||S form only), a lifetime of at most 120 s that covers now (30 s of clock leeway for
 * {@code nbf}), a {@code uri} (or {@code uris}) claim naming this request's method, host and path, and a
 * nonce never seen before while its token lives.
 */
final class CdpTokenCheck {

    static final long MAX_LIFETIME_SECONDS = 120;
    static final long LEEWAY_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{8,128}");
    private static final int PRUNE_ABOVE = 10_000;

    private final Map<String, PublicKey> publicKeys = new ConcurrentHashMap<>();
    /** Nonces seen, per key, until their token expires (epoch seconds). */
    private final Map<String, Long> nonces = new ConcurrentHashMap<>();

    /** The key a request claims ({@code sub}), unverified: for counting and scripted failures only. */
    static String claimedKey(String authorization) {
        try {
            return claims(token(authorization)).path("sub").asText(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Verifies the request's token and returns its account; rejects with Coinbase's 401 otherwise. */
    EmulatedAccount verify(EmulatedRequest request, Function<String, Optional<EmulatedAccount>> accounts, long nowSeconds) {
        String[] parts;
        JsonNode header;
        JsonNode claims;
        try {
            parts = token(request.header("Authorization")).split("\\.", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("not three parts");
            }
            header = JSON.readTree(BASE64URL.decode(parts[0]));
            claims = JSON.readTree(BASE64URL.decode(parts[1]));
        } catch (Exception e) {
            throw unauthorized("missing or malformed bearer token");
        }
        String alg = header.path("alg").asText("");
        String kid = header.path("kid").asText("");
        if (!alg.equals("ES256") && !alg.equals("EdDSA") || !"JWT".equals(header.path("typ").asText(""))
                || kid.isEmpty() || !HEX.matcher(header.path("nonce").asText("")).matches()) {
            throw unauthorized("invalid JWT header");
        }
        if (!"cdp".equals(claims.path("iss").asText(""))) {
            throw unauthorized("invalid issuer");
        }
        if (!kid.equals(claims.path("sub").asText(""))) {
            throw unauthorized("sub does not match kid");
        }
        EmulatedAccount account = accounts.apply(kid).orElseThrow(() -> unauthorized("unknown API key"));
        if (!signedBy(account, alg, parts)) {
            throw unauthorized("invalid signature");
        }
        JsonNode nbf = claims.path("nbf");
        JsonNode exp = claims.path("exp");
        if (!nbf.canConvertToLong() || !exp.canConvertToLong() || exp.asLong() - nbf.asLong() > MAX_LIFETIME_SECONDS
                || exp.asLong() <= nbf.asLong()) {
            throw unauthorized("JWT lifetime must be at most " + MAX_LIFETIME_SECONDS + " seconds");
        }
        if (nbf.asLong() > nowSeconds + LEEWAY_SECONDS) {
            throw unauthorized("JWT not yet valid");
        }
        if (exp.asLong() < nowSeconds) {
            throw unauthorized("JWT expired");
        }
        if (!namesRequest(claims, request)) {
            throw unauthorized("uri claim does not match the request");
        }
        if (!firstUse(kid, header.path("nonce").asText(), exp.asLong(), nowSeconds)) {
            throw unauthorized("nonce already used");
        }
        return account;
    }

    private boolean signedBy(EmulatedAccount account, String alg, String[] parts) {
        PublicKey key = publicKeys.computeIfAbsent(account.apiSecret(), CdpKeyMaterial::publicKey);
        boolean ec = "EC".equals(key.getAlgorithm());
        if (ec != alg.equals("ES256")) {
            return false;
        }
        try {
            byte[] signature = BASE64URL.decode(parts[2]);
            // P1363 is JOSE's R||S; a DER signature (Java's default) is refused, as Coinbase refuses it.
            if (ec && signature.length != 64) {
                return false;
            }
            Signature verifier = Signature.getInstance(ec ? "SHA256withECDSAinP1363Format" : "Ed25519");
            verifier.initVerify(key);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** {@code "GET api.coinbase.com/api/v3/brokerage/accounts"}: no scheme, no query; host as the client sent it. */
    private static boolean namesRequest(JsonNode claims, EmulatedRequest request) {
        String expected = request.method() + " " + request.header("Host") + request.path();
        if (claims.path("uri").isTextual()) {
            return expected.equals(claims.path("uri").asText());
        }
        for (JsonNode uri : claims.path("uris")) {
            if (expected.equals(uri.asText())) {
                return true;
            }
        }
        return false;
    }

    private boolean firstUse(String kid, String nonce, long expiresAt, long nowSeconds) {
        if (nonces.size() > PRUNE_ABOVE) {
            nonces.values().removeIf(expiry -> expiry < nowSeconds - LEEWAY_SECONDS);
        }
        return nonces.putIfAbsent(kid + " " + nonce, expiresAt) == null;
    }

    private static String token(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new IllegalArgumentException("no bearer token");
        }
        return authorization.substring("Bearer ".length()).strip();
    }

    private static JsonNode claims(String token) {
        String[] parts = token.split("\\.", -1);
        try {
            return JSON.readTree(BASE64URL.decode(parts[1]));
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable claims");
        }
    }

    static Reply.Rejected unauthorized(String detail) {
        return EmulatorHandler.reject(Reply.json(401, obj("error", "UNAUTHORIZED", "error_details", detail, "message", detail)));
    }
}
