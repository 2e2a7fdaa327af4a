package io.coinsphere.exchangesync.exchange.coinbaseadvanced;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.coinsphere.exchangesync.emulator.CdpKeyMaterial;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Our signer against an independent JWT library (Nimbus JOSE) and the JDK's verifier. */
class CdpJwtTest {

    private static final String NAME = CdpKeyMaterial.newKeyName();
    private static final String URI_CLAIM = "GET api.coinbase.com/api/v3/brokerage/accounts";

    @Test
    void es256TokensVerifyWithNimbusAndCarryEveryClaimCoinbaseWants() throws Exception {
        String pem = CdpKeyMaterial.newEcdsaPem();
        CdpKey key = CdpKey.of(new ApiCredentials(NAME, pem, null));
        String token = CdpJwt.sign(key, URI_CLAIM, 1_700_000_000L);

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.verify(new ECDSAVerifier((ECPublicKey) CdpKeyMaterial.publicKey(pem)))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(NAME);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("JWT");
        assertThat((String) jwt.getHeader().getCustomParam("nonce")).matches("[0-9a-f]{32}");
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("cdp");
        assertThat(claims.getSubject()).isEqualTo(NAME);
        assertThat(claims.getNotBeforeTime()).isEqualTo(new Date(1_700_000_000_000L));
        assertThat(claims.getExpirationTime()).isEqualTo(new Date(1_700_000_120_000L));
        assertThat(claims.getStringClaim("uri")).isEqualTo(URI_CLAIM);
        // JOSE's R||S form: 64 bytes, not Java's variable-length DER.
        assertThat(Base64.getUrlDecoder().decode(token.split("\\.")[2])).hasSize(64);
    }

    @Test
    void eachTokenHasItsOwnNonce() {
        CdpKey key = CdpKey.of(new ApiCredentials(NAME, CdpKeyMaterial.newEcdsaPem(), null));
        String first = CdpJwt.sign(key, URI_CLAIM, 1_700_000_000L);
        String second = CdpJwt.sign(key, URI_CLAIM, 1_700_000_000L);
        assertThat(first.split("\\.")[0]).isNotEqualTo(second.split("\\.")[0]);
    }

    @Test
    void edDsaTokensVerifyWithTheKeysPublicHalf() throws Exception {
        String secret = CdpKeyMaterial.newEd25519Base64();
        CdpKey key = CdpKey.of(new ApiCredentials(NAME, CdpKeyMaterial.ed25519SeedOnly(secret), null));
        String token = CdpJwt.sign(key, URI_CLAIM, 1_700_000_000L);

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(NAME);
        // Nimbus verifies Ed25519 only with Google Tink, which the project does not carry: the JDK checks it here.
        byte[] raw = Arrays.copyOfRange(Base64.getDecoder().decode(secret), 32, 64);
        byte[] spki = new byte[44];
        System.arraycopy(new byte[] {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00}, 0, spki, 0, 12);
        System.arraycopy(raw, 0, spki, 12, 32);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki)));
        String[] parts = token.split("\\.");
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void theUriClaimHasTheHostAndOnlyANonDefaultPort() {
        String path = "/api/v3/brokerage/accounts";
        assertThat(CdpJwt.uri("GET", URI.create("https://api.coinbase.com"), path)).isEqualTo(URI_CLAIM);
        assertThat(CdpJwt.uri("GET", URI.create("https://api.coinbase.com:443/"), path)).isEqualTo(URI_CLAIM);
        assertThat(CdpJwt.uri("GET", URI.create("http://127.0.0.1:3105"), path)).isEqualTo("GET 127.0.0.1:3105" + path);
        assertThat(CdpJwt.uri("GET", URI.create("https://api.coinbase.com:8443"), path)).isEqualTo("GET api.coinbase.com:8443" + path);
    }
}
