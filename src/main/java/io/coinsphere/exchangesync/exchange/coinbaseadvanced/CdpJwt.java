package io.coinsphere.exchangesync.exchange.coinbaseadvanced;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bearer token Coinbase wants on every request: a JWT made for that one request, valid for 120 s. Header
 * {@code alg} (ES256 or EdDSA), {@code kid} = key name, {@code nonce} (random hex), {@code typ} JWT; claims
 * {@code iss} "cdp", {@code sub} = key name, {@code nbf}, {@code exp} and {@code uri} = "METHOD host[:port]path"
 * (no scheme, no query). Signed with the JDK: ES256 in JOSE's R||S form (the P1363 signature, not DER).
 */
public final class CdpJwt {

    /** Coinbase refuses tokens that live longer than this. */
    public static final long LIFETIME_SECONDS = 120;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private CdpJwt() {
    }

    /**
     * The {@code uri} claim for a request to {@code path} on {@code baseUrl}: the host, with the port only when
     * it is not the scheme's default ({@code GET api.coinbase.com/api/v3/brokerage/accounts}).
     */
    public static String uri(String method, URI baseUrl, String path) {
        int port = baseUrl.getPort();
        boolean defaultPort = port == -1 || port == 443 && "https".equalsIgnoreCase(baseUrl.getScheme())
                || port == 80 && "http".equalsIgnoreCase(baseUrl.getScheme());
        return method + " " + baseUrl.getHost() + (defaultPort ? "" : ":" + port) + path;
    }

    /** A fresh token for one request, with {@code nowSeconds} on Coinbase's clock. */
    public static String sign(CdpKey key, String uri, long nowSeconds) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", key.algorithm().name());
        header.put("kid", key.name());
        header.put("nonce", HexFormat.of().formatHex(nonce));
        header.put("typ", "JWT");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "cdp");
        claims.put("sub", key.name());
        claims.put("nbf", nowSeconds);
        claims.put("exp", nowSeconds + LIFETIME_SECONDS);
        claims.put("uri", uri);
        String signingInput = part(header) + "." + part(claims);
        try {
            Signature signature = key.algorithm().signature();
            signature.initSign(key.privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            // CdpKey signed once when it was read, so this is a JDK fault; the message names no key material.
            throw new IllegalStateException("cannot sign a Coinbase request with " + key.algorithm(), e);
        }
    }

    private static String part(Map<String, Object> json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JWT part", e);
        }
    }
}
