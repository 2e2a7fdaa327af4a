package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** Key rotation by kid for our own tokens, verification-only keys, and the key store and public-PEM sources. */
class JwtKeysTest {

    @TempDir
    Path dir;

    private final RSAKey current = generate();
    private final RSAKey previous = generate();
    private final JwtDecoder decoder = JwtConfig.localDecoder(new JwtKeys(current, List.of(previous)));

    @Test
    void currentAndPreviousKeysVerifyAndNothingElseDoes() throws Exception {
        assertThat(decoder.decode(sign(current, TokenIssuer.ISSUER)).getSubject()).isEqualTo("u1");
        assertThat(decoder.decode(sign(previous, TokenIssuer.ISSUER)).getSubject()).isEqualTo("u1");

        assertThatThrownBy(() -> decoder.decode(sign(generate(), TokenIssuer.ISSUER))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(sign(current, "someone-else"))).isInstanceOf(JwtException.class);
        // SECURITY: HS256 keyed with our public key (algorithm confusion) is refused.
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(current.getKeyID()).build(), claims(TokenIssuer.ISSUER));
        hmac.sign(new MACSigner(current.toRSAPublicKey().getEncoded()));
        assertThatThrownBy(() -> decoder.decode(hmac.serialize())).isInstanceOf(JwtException.class);
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(claims(TokenIssuer.ISSUER).toString().getBytes()) + ".";
        assertThatThrownBy(() -> decoder.decode(unsigned)).isInstanceOf(JwtException.class);
    }

    @Test
    void jwksHoldsPublicPartsOnlyAndRefusesDuplicates() {
        JwtKeys keys = new JwtKeys(current, List.of(previous));

        assertThat(keys.publicKeys().getKeys()).extracting(k -> k.getKeyID()).containsExactly(current.getKeyID(), previous.getKeyID());
        assertThat(keys.publicKeys().getKeys()).noneMatch(k -> k.isPrivate());
        @SuppressWarnings("unchecked")
        List<java.util.Map<String, Object>> published = (List<java.util.Map<String, Object>>) keys.jwksDocument().get("keys");
        assertThat(published).allSatisfy(k -> assertThat(k).containsOnlyKeys("kty", "e", "n", "kid"));
        assertThat(keys.verificationOnly()).noneMatch(RSAKey::isPrivate);
        assertThatThrownBy(() -> new JwtKeys(current, List.of(current))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void verificationKeysFromPublicOrPrivatePemKeepTheSigningKid() throws Exception {
        String publicPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(previous.toPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        String privatePem = JwtSigningKeys.toPem((java.security.interfaces.RSAPrivateCrtKey) previous.toPrivateKey());

        assertThat(JwtSigningKeys.publicFromPem(publicPem).getKeyID()).isEqualTo(previous.getKeyID());
        assertThat(JwtSigningKeys.publicFromPem(publicPem).isPrivate()).isFalse();
        assertThat(JwtSigningKeys.publicFromPem(privatePem).getKeyID()).isEqualTo(previous.getKeyID());
        assertThat(JwtSigningKeys.publicFromPem(privatePem).isPrivate()).isFalse();
        assertThatThrownBy(() -> JwtSigningKeys.publicFromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void signingKeyFromAPkcs12KeyStore() throws Exception {
        Path store = dir.resolve("jwt.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "jwt", "-dname", "CN=coinsphere-test",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "store-pass", "-keypass", "store-pass").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

        RSAKey byAlias;
        try (var in = Files.newInputStream(store)) {
            byAlias = JwtSigningKeys.fromKeyStore(in, "store-pass".toCharArray(), "jwt");
        }
        RSAKey onlyEntry;
        try (var in = Files.newInputStream(store)) {
            onlyEntry = JwtSigningKeys.fromKeyStore(in, "store-pass".toCharArray(), null);
        }
        assertThat(byAlias.isPrivate()).isTrue();
        assertThat(onlyEntry.getKeyID()).isEqualTo(byAlias.getKeyID());
        try (var in = Files.newInputStream(store)) {
            assertThatThrownBy(() -> JwtSigningKeys.fromKeyStore(in, "bad-pw-7f3a".toCharArray(), null))
                    .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("bad-pw-7f3a");
        }
        try (var in = Files.newInputStream(store)) {
            assertThatThrownBy(() -> JwtSigningKeys.fromKeyStore(in, "store-pass".toCharArray(), "other"))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private static String sign(RSAKey key, String issuer) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims(issuer));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(String issuer) {
        return new JWTClaimsSet.Builder().issuer(issuer).subject("u1").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
