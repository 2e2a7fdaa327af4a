package io.coinsphere.exchangesync.emulator;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * Coinbase CDP keys for the emulator: fresh key names and private keys in the forms Coinbase issues (an ECDSA
 * P-256 key as a SEC1 PEM block that carries its public key; an Ed25519 key as base64 of seed and public key),
 * and the public key the emulator checks signatures with. PEM labels are built from parts, so no source file
 * holds a private key header.
 */
public final class CdpKeyMaterial {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SEC1_LABEL = "EC " + "PRIVATE KEY";
    private static final String PKCS8_LABEL = "PRIVATE KEY";
    private static final String PEM_START = "-----BEGIN ";
    /** DER of {@code [0] OID prime256v1}: the curve named inside a SEC1 key. */
    private static final byte[] P256_PARAMETERS = {(byte) 0xa0, 0x0a, 0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};
    /** X.509 SubjectPublicKeyInfo prefix of an Ed25519 public key (RFC 8410), before its 32 bytes. */
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final int SIZE = 32;

    private CdpKeyMaterial() {
    }

    /** {@code organizations/{uuid}/apiKeys/{uuid}}, as the Coinbase Developer Platform names keys. */
    public static String newKeyName() {
        return "organizations/" + UUID.randomUUID() + "/apiKeys/" + UUID.randomUUID();
    }

    /** A fresh ECDSA P-256 private key as Coinbase shows it: a SEC1 PEM block with line breaks. */
    public static String newEcdsaPem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return sec1Pem(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a P-256 key", e);
        }
    }

    /** A fresh Ed25519 private key as the Developer Platform shows it: base64 of the seed and the public key. */
    public static String newEd25519Base64() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            byte[] spki = pair.getPublic().getEncoded();
            byte[] both = Arrays.copyOf(seed, 2 * SIZE);
            System.arraycopy(spki, spki.length - SIZE, both, SIZE, SIZE);
            return Base64.getEncoder().encodeToString(both);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an Ed25519 key", e);
        }
    }

    /** The 32-byte seed alone of a base64 Ed25519 key (the other form Coinbase keys are seen in). */
    public static String ed25519SeedOnly(String base64Key) {
        return Base64.getEncoder().encodeToString(Arrays.copyOf(Base64.getDecoder().decode(base64Key), SIZE));
    }

    /** The same ECDSA key as PKCS#8 ({@code PRIVATE KEY}), as {@code openssl pkcs8 -topk8} writes it. */
    public static String toPkcs8Pem(String sec1Pem) {
        try {
            byte[] sec1 = der(sec1Pem);
            BigInteger d = new BigInteger(1, Arrays.copyOfRange(sec1, 7, 7 + SIZE));
            java.security.spec.ECPrivateKeySpec spec = new java.security.spec.ECPrivateKeySpec(d, p256());
            return pem(PKCS8_LABEL, KeyFactory.getInstance("EC").generatePrivate(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot convert the key", e);
        }
    }

    /** The base64 body of a PEM block on one line: the whole key in a form that fits a table cell. */
    public static String oneLine(String pem) {
        return Base64.getEncoder().encodeToString(der(pem));
    }

    /** SEC1 {@code ECPrivateKey} DER (RFC 5915) with the curve and the public key, in a PEM block. */
    static String sec1Pem(KeyPair pair) {
        ECPrivateKey privateKey = (ECPrivateKey) pair.getPrivate();
        ECPoint point = ((ECPublicKey) pair.getPublic()).getW();
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.write(0x30);
        der.write(0x77);
        der.writeBytes(new byte[] {0x02, 0x01, 0x01, 0x04, 0x20});
        der.writeBytes(unsigned(privateKey.getS()));
        der.writeBytes(P256_PARAMETERS);
        der.writeBytes(new byte[] {(byte) 0xa1, 0x44, 0x03, 0x42, 0x00, 0x04});
        der.writeBytes(unsigned(point.getAffineX()));
        der.writeBytes(unsigned(point.getAffineY()));
        return pem(SEC1_LABEL, der.toByteArray());
    }

    /**
     * The public key that checks signatures of a registered private key: from a SEC1 key's public key field,
     * from the second half of a 64-byte Ed25519 key, or derived from a 32-byte Ed25519 seed.
     *
     * @throws IllegalArgumentException if the text is no CDP private key the emulator can check against
     */
    public static PublicKey publicKey(String privateKey) {
        try {
            byte[] der = der(privateKey);
            if (der.length == SIZE) {
                return ed25519FromSeed(der);
            }
            if (der.length == 2 * SIZE) {
                return ed25519(Arrays.copyOfRange(der, SIZE, 2 * SIZE));
            }
            return ecFromSec1(der);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("Coinbase CDP private keys are ECDSA P-256 (SEC1 PEM with its public key)"
                    + " or Ed25519 (base64)");
        }
    }

    private static PublicKey ecFromSec1(byte[] der) throws GeneralSecurityException {
        // SEC1: SEQUENCE { INTEGER 1, OCTET STRING d, [0] curve, [1] BIT STRING 04||X||Y }; walk to [1].
        if (der[0] != 0x30) {
            throw new IllegalArgumentException("not a SEC1 key");
        }
        int at = 2;
        while (at < der.length) {
            int tag = der[at] & 0xff;
            int length = der[at + 1] & 0xff;
            if (tag == 0xa1) {
                int point = at + 2 + 3; // BIT STRING tag, length, no unused bits
                if (der[point] != 0x04) {
                    throw new IllegalArgumentException("compressed points are not used by Coinbase");
                }
                BigInteger x = new BigInteger(1, Arrays.copyOfRange(der, point + 1, point + 1 + SIZE));
                BigInteger y = new BigInteger(1, Arrays.copyOfRange(der, point + 1 + SIZE, point + 1 + 2 * SIZE));
                return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), p256()));
            }
            at += 2 + length;
        }
        throw new IllegalArgumentException("the SEC1 key has no public key");
    }

    private static PublicKey ed25519(byte[] raw) throws GeneralSecurityException {
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + SIZE);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, SIZE);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    /**
     * The JDK has no public "seed to public key" call, but its Ed25519 generator takes the 32 random bytes it
     * draws as the seed (RFC 8032 section 5.1.5); handing it the seed as its randomness yields the pair.
     */
    private static PublicKey ed25519FromSeed(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        return generator.generateKeyPair().getPublic();
    }

    /** The DER inside a PEM block, or of a base64 text without PEM lines. */
    private static byte[] der(String text) {
        String body = text.strip();
        if (body.startsWith(PEM_START)) {
            int start = body.indexOf('\n');
            int end = body.lastIndexOf("-----END ");
            body = body.substring(start + 1, end);
        }
        return Base64.getMimeDecoder().decode(body);
    }

    private static String pem(String label, byte[] der) {
        return PEM_START + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[SIZE];
        int copy = Math.min(bytes.length, SIZE);
        System.arraycopy(bytes, bytes.length - copy, fixed, SIZE - copy, copy);
        return fixed;
    }

    private static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }
}
