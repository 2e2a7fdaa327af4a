package io.coinsphere.exchangesync.exchange.coinbaseadvanced;

import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.KeyFormatRejected;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.boot.ssl.pem.PemContent;

/**
 * A CDP secret API key, read and checked: its name ({@code organizations/{org_id}/apiKeys/{key_id}}) and its
 * private key, ECDSA P-256 (signs ES256) or Ed25519 (signs EdDSA). The private key is accepted as Coinbase
 * shows it: a PEM block (SEC1 {@code EC PRIVATE KEY}, or PKCS#8 {@code PRIVATE KEY}) with its line breaks, the
 * same with the line breaks written as {@code \n} (copied out of the downloaded JSON file, quotes and all),
 * the PEM's base64 body alone, or an Ed25519 key in base64 (a 32-byte seed, or 64 bytes of seed and public key).
 * SECURITY: {@link #toString()} never prints the key, and no message quotes the value.
 */
public record CdpKey(String name, PrivateKey privateKey, Algorithm algorithm) {

    /** JOSE algorithm names and the JDK signatures behind them (P1363 is JOSE's R||S form of ECDSA). */
    public enum Algorithm {
        ES256("SHA256withECDSAinP1363Format"), EdDSA("Ed25519");

        private final String jdkName;

        Algorithm(String jdkName) {
            this.jdkName = jdkName;
        }

        public Signature signature() throws GeneralSecurityException {
            return Signature.getInstance(jdkName);
        }
    }

    static final String KEY_NAME_MESSAGE = "must be the API key name from the Coinbase Developer Platform,"
            + " organizations/{org_id}/apiKeys/{key_id}";
    static final String PRIVATE_KEY_MESSAGE = "must be the private key of the CDP key, exactly as Coinbase showed it:"
            + " an ECDSA key in PEM form (all of it, from the BEGIN line to the END line) or an Ed25519 key in base64";

    private static final Pattern KEY_NAME = Pattern.compile("organizations/[A-Za-z0-9-]{1,64}/apiKeys/[A-Za-z0-9-]{1,64}");
    private static final String PEM_START = "-----BEGIN ";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** The PEM labels (RFC 7468) of the two ECDSA forms; built from parts so no file holds a key header. */
    private static final String SEC1_LABEL = "EC " + "PRIVATE KEY";
    private static final String PKCS8_LABEL = "PRIVATE KEY";
    private static final int ED25519_SEED = 32;
    private static final ECParameterSpec P256 = p256();

    /**
     * Reads the credentials of a CDP key and returns them in the form stored and signed with: the key name
     * stripped and the private key with plain {@code \n} line breaks.
     *
     * @throws KeyFormatRejected naming {@code apiKey} or {@code apiSecret} and saying what a CDP key looks like
     */
    public static ApiCredentials check(ApiCredentials credentials) {
        String name = credentials.apiKey().strip();
        String secret = normalise(credentials.apiSecret());
        CdpKey key = read(name, secret);
        // A key can parse and still not sign (a zero scalar): find out now, not at the first sync.
        try {
            Signature signature = key.algorithm().signature();
            signature.initSign(key.privateKey());
            signature.update(name.getBytes(StandardCharsets.US_ASCII));
            signature.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyFormatRejected("apiSecret", PRIVATE_KEY_MESSAGE);
        }
        return new ApiCredentials(name, secret, null);
    }

    /** Reads stored (or just checked) credentials into a key that signs. */
    public static CdpKey of(ApiCredentials credentials) {
        return read(credentials.apiKey().strip(), normalise(credentials.apiSecret()));
    }

    private static CdpKey read(String name, String secret) {
        if (!KEY_NAME.matcher(name).matches()) {
            throw new KeyFormatRejected("apiKey", KEY_NAME_MESSAGE);
        }
        PrivateKey key = privateKey(secret);
        return new CdpKey(name, key, key instanceof ECPrivateKey ? Algorithm.ES256 : Algorithm.EdDSA);
    }

    /**
     * The private key text with line breaks made plain: {@code \n} typed as two characters (a JSON string
     * pasted as is) and CR LF become LF, and quotes around the whole value are dropped.
     */
    static String normalise(String secret) {
        String text = secret.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        // Base64 and PEM never contain a backslash, so an escaped line break cannot be anything else.
        text = text.replace("\\r\\n", "\n").replace("\\n", "\n").replace("\r\n", "\n").replace('\r', '\n');
        return text.strip();
    }

    private static PrivateKey privateKey(String text) {
        try {
            PrivateKey key = text.startsWith(PEM_START) ? fromPem(text) : fromBase64(text);
            if (key instanceof ECPrivateKey ec ? isP256(ec) : isEd25519(key)) {
                return key;
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            // SECURITY: the parser's message may describe the key's bytes; only our sentence goes out.
        }
        throw new KeyFormatRejected("apiSecret", PRIVATE_KEY_MESSAGE);
    }

    private static PrivateKey fromPem(String text) {
        String label = text.substring(PEM_START.length(), Math.max(PEM_START.length(), text.indexOf("-----", PEM_START.length())));
        if (!label.equals(SEC1_LABEL) && !label.equals(PKCS8_LABEL)) {
            throw new IllegalArgumentException("not a private key PEM");
        }
        PrivateKey key = PemContent.of(text).getPrivateKey();
        if (key == null) {
            throw new IllegalArgumentException("no private key in the PEM");
        }
        return key;
    }

    /** An Ed25519 seed (32 bytes, or 64 with the public key after it), or a PEM body without its lines. */
    private static PrivateKey fromBase64(String text) throws GeneralSecurityException {
        byte[] raw = Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll(""));
        try {
            if (raw.length == ED25519_SEED || raw.length == 2 * ED25519_SEED) {
                return KeyFactory.getInstance("Ed25519").generatePrivate(
                        new EdECPrivateKeySpec(NamedParameterSpec.ED25519, Arrays.copyOf(raw, ED25519_SEED)));
            }
            // SEC1 starts with version 1, PKCS#8 with version 0 (after the SEQUENCE header).
            return fromPem(pem(raw.length > 4 && raw[2] == 0x02 && raw[4] == 0x01 ? SEC1_LABEL : PKCS8_LABEL, raw));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    static String pem(String label, byte[] der) {
        return PEM_START + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static boolean isP256(ECPrivateKey key) {
        ECParameterSpec params = key.getParams();
        return params != null && params.getOrder().equals(P256.getOrder()) && params.getCurve().equals(P256.getCurve())
                && key.getS().signum() > 0 && key.getS().compareTo(P256.getOrder()) < 0;
    }

    private static boolean isEd25519(PrivateKey key) {
        return key instanceof EdECPrivateKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName());
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no P-256 curve", e);
        }
    }

    @Override
    public String toString() {
        return "CdpKey[" + name + ", " + algorithm + ", privateKey=***]";
    }
}
