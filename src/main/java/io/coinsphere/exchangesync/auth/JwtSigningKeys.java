package io.coinsphere.exchangesync.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import io.coinsphere.exchangesync.vault.SecretFiles;
import java.io.ByteArrayInputStream;
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
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.converter.RsaKeyConverters;

/**
 * Loads the RS256 signing key from PKCS#8 PEM, or generates one into the data directory and reuses it, so
 * tokens stay valid across restarts. The key id (JWT header {@code kid}) is the RFC 7638 thumbprint.
 */
public final class JwtSigningKeys {

    private static final Logger LOG = LoggerFactory.getLogger(JwtSigningKeys.class);

    /** Name of the generated key file inside the data directory. */
    public static final String KEY_FILE = "jwt-signing-key.pem";
    /** PEM type labels (RFC 7468) of the two formats read and written here. */
    private static final String PKCS8 = "PRIVATE KEY";
    private static final String X509 = "PUBLIC KEY";

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

    /** Parses a PKCS#8 PEM RSA private key (Spring Security's converter reads the PEM). */
    public static RSAKey fromPem(String pem) {
        RSAPrivateKey key;
        try {
            key = RsaKeyConverters.pkcs8().convert(ascii(pem));
        } catch (RuntimeException e) {
            // SECURITY: never echo the value (nor the converter's message about it); it may be a key in the wrong format.
            throw new IllegalStateException("The JWT signing key is not an RSA PKCS#8 PEM private key;"
                    + " convert with `openssl pkcs8 -topk8 -nocrypt`");
        }
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("The JWT signing key must be an RSA key with CRT parameters");
        }
        if (crt.getModulus().bitLength() < 2048) {
            throw new IllegalStateException("The JWT signing key must have at least 2048 bits");
        }
        try {
            return toJwk(crt);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JWT signing key cannot be used", e);
        }
    }

    /**
     * A verification-only key from PEM: an X.509 public key or a PKCS#8 private key, of which only the public half
     * is kept. Its key id is the same thumbprint it signed with.
     */
    public static RSAKey publicFromPem(String pem) {
        if (!pem.contains("BEGIN " + X509)) {
            return fromPem(pem).toPublicJWK();
        }
        try {
            RSAPublicKey rsa = RsaKeyConverters.x509().convert(ascii(pem));
            if (rsa.getModulus().bitLength() < 2048) {
                throw new IllegalStateException("A JWT verification key must be an RSA key of at least 2048 bits");
            }
            return new RSAKey.Builder(rsa).keyIDFromThumbprint().build();
        } catch (IllegalArgumentException | JOSEException e) {
            throw new IllegalStateException("A JWT verification key cannot be parsed as an RSA PEM public key", e);
        }
    }

    private static InputStream ascii(String pem) {
        return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
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
        return pem(PKCS8, key.getEncoded());
    }

    /** RFC 7468 text encoding: the label's BEGIN line, Base64 in lines of 64, the END line. */
    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
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
