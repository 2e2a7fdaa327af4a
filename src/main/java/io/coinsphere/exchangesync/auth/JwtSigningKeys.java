package io.coinsphere.exchangesync.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import io.coinsphere.exchangesync.vault.SecretFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the RS256 signing key from PKCS#8 PEM, or generates one into the data directory and reuses it, so
 * tokens stay valid across restarts. The key id (JWT header {@code kid}) is the RFC 7638 thumbprint.
 */
public final class JwtSigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(JwtSigningKeys.class);

    /** Name of the generated key file inside the data directory. */
    public static final String KEY_FILE = "jwt-signing-key.pem";
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";
    private static final String PUBLIC_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PUBLIC_END = "-----END PUBLIC KEY-----";

    private JwtSigningKeys() {
    }

    /** Reads {@code <dataDir>/jwt-signing-key.pem}, or creates it (RSA 2048, mode 0600). */
    public static RSAKey loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
                if (SecretFiles.createOwnerOnly(file, toPem(key))) {
                    LOG.info("Generated a JWT signing key in {}", file);
                    return toJwk(key);
                }
            }
            SecretFiles.warnIfShared(file);
            return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read or create the JWT signing key " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses a PKCS#8 PEM RSA private key ({@code -----BEGIN PRIVATE KEY-----}). */
    public static RSAKey fromPem(String pem) {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            // SECURITY: never echo the value; it may be a key in the wrong format.
            throw new IllegalStateException("The JWT signing key is not a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----);"
                    + " convert with `openssl pkcs8 -topk8 -nocrypt`");
        }
        String base64 = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
        try {
            var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!(key instanceof RSAPrivateCrtKey crt)) {
                throw new IllegalStateException("The JWT signing key must be an RSA key with CRT parameters");
            }
            if (crt.getModulus().bitLength() < 2048) {
                throw new IllegalStateException("The JWT signing key must have at least 2048 bits");
            }
            return toJwk(crt);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException("The JWT signing key cannot be parsed as an RSA PKCS#8 key", e);
        }
    }

    /**
     * A verification-only key from PEM: an X.509 public key ({@code -----BEGIN PUBLIC KEY-----}) or a PKCS#8
     * private key, of which only the public half is kept. Its key id is the same thumbprint it signed with.
     */
    public static RSAKey publicFromPem(String pem) {
        if (!pem.contains(PUBLIC_BEGIN)) {
            return fromPem(pem).toPublicJWK();
        }
        int begin = pem.indexOf(PUBLIC_BEGIN);
        int end = pem.indexOf(PUBLIC_END);
        if (end < begin) {
            throw new IllegalStateException("A JWT verification key is not a PEM public key (-----BEGIN PUBLIC KEY-----)");
        }
        String base64 = pem.substring(begin + PUBLIC_BEGIN.length(), end).replaceAll("\\s", "");
        try {
            var key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
            if (!(key instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < 2048) {
                throw new IllegalStateException("A JWT verification key must be an RSA key of at least 2048 bits");
            }
            return new RSAKey.Builder(rsa).keyIDFromThumbprint().build();
        } catch (IllegalArgumentException | GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("A JWT verification key cannot be parsed as an RSA public key", e);
        }
    }

    /**
     * The signing key from a PKCS#12 key store: the entry {@code alias}, or the store's only private key entry.
     * SECURITY: error messages name the alias at most, never the password.
     */
    public static RSAKey fromKeyStore(InputStream store, char[] password, String alias) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(store, password);
            String entry = alias;
            if (entry == null || entry.isBlank()) {
                List<String> keyEntries = new ArrayList<>();
                for (String name : Collections.list(keyStore.aliases())) {
                    if (keyStore.isKeyEntry(name)) {
                        keyEntries.add(name);
                    }
                }
                if (keyEntries.size() != 1) {
                    throw new IllegalStateException("The JWT key store holds " + keyEntries.size()
                            + " private keys: set coinsphere.security.jwt.key-alias");
                }
                entry = keyEntries.get(0);
            }
            if (!(keyStore.getKey(entry, password) instanceof RSAPrivateCrtKey key)) {
                throw new IllegalStateException("The JWT key store has no RSA private key under alias '" + entry + "'");
            }
            if (key.getModulus().bitLength() < 2048) {
                throw new IllegalStateException("The JWT signing key must have at least 2048 bits");
            }
            return toJwk(key);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The JWT key store cannot be read (wrong password or not PKCS#12)", e);
        }
    }

    static String toPem(RSAPrivateCrtKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return BEGIN + "\n" + body + "\n" + END + "\n";
    }

    private static RSAKey toJwk(RSAPrivateCrtKey key) throws GeneralSecurityException {
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        try {
            return new RSAKey.Builder(publicKey).privateKey(key).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new GeneralSecurityException("Cannot compute the key id", e);
        }
    }
}
