package io.coinsphere.exchangesync.exchange.coinbaseadvanced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coinsphere.exchangesync.emulator.CdpKeyMaterial;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.KeyFormatRejected;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdpKeyTest {

    private static final String NAME = CdpKeyMaterial.newKeyName();
    private static final String PEM = CdpKeyMaterial.newEcdsaPem();

    @Test
    void readsEveryFormCoinbaseKeysArriveIn() {
        String escaped = PEM.replace("\n", "\\n");
        String ed25519 = CdpKeyMaterial.newEd25519Base64();
        for (String secret : List.of(PEM, "  " + PEM + "\n\n", PEM.replace("\n", "\r\n"), escaped, "\"" + escaped + "\"",
                CdpKeyMaterial.oneLine(PEM), CdpKeyMaterial.toPkcs8Pem(PEM))) {
            CdpKey key = CdpKey.of(new ApiCredentials(NAME, secret, null));
            assertThat(key.algorithm()).as(secret).isEqualTo(CdpKey.Algorithm.ES256);
        }
        for (String secret : List.of(ed25519, CdpKeyMaterial.ed25519SeedOnly(ed25519), " " + ed25519 + "\n")) {
            assertThat(CdpKey.of(new ApiCredentials(NAME, secret, null)).algorithm()).isEqualTo(CdpKey.Algorithm.EdDSA);
        }
    }

    @Test
    void checkReturnsTheKeyWithPlainLineBreaksAndNoPassphrase() {
        ApiCredentials checked = CdpKey.check(new ApiCredentials(" " + NAME + " ", "\"" + PEM.replace("\n", "\\n") + "\"", "x"));
        assertThat(checked.apiKey()).isEqualTo(NAME);
        assertThat(checked.apiSecret()).isEqualTo(PEM.strip());
        assertThat(checked.passphrase()).isNull();
    }

    @Test
    void aRealKeyFitsTheFiveHundredTwelveCharacterLimitInEveryForm() {
        assertThat(PEM.length()).isBetween(220, 240);
        assertThat(PEM.replace("\n", "\\n").length()).isLessThan(512);
        assertThat(CdpKeyMaterial.toPkcs8Pem(PEM).replace("\n", "\\n").length()).isLessThan(512);
    }

    @Test
    void aMalformedKeyNameIsRefusedNamingTheField() {
        for (String name : List.of("organizations/abc/apiKeys/", "apiKeys/abc", "abc", "organizations/a b/apiKeys/c",
                "organizations/x/apiKeys/y/extra")) {
            KeyFormatRejected e = catchThrowableOfType(() -> CdpKey.check(new ApiCredentials(name, PEM, null)), KeyFormatRejected.class);
            assertThat(e.field()).as(name).isEqualTo("apiKey");
            assertThat(e.getMessage()).contains("organizations/{org_id}/apiKeys/{key_id}");
        }
    }

    @Test
    void anUnreadablePrivateKeyIsRefusedWithoutQuotingIt() throws Exception {
        String body = CdpKeyMaterial.oneLine(PEM);
        var rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String rsaPem = CdpKey.pem("PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded());
        var p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        String p384Pem = CdpKey.pem("PRIVATE KEY", p384.generateKeyPair().getPrivate().getEncoded());
        for (String secret : List.of("not a key", body.substring(0, body.length() - 8), PEM.replace("EC PRIVATE", "EC PUBLIC"),
                PEM.substring(0, 80), rsaPem, p384Pem, "QUFBQQ==", CdpKey.pem("CERTIFICATE", new byte[] {1, 2, 3}))) {
            KeyFormatRejected e = catchThrowableOfType(() -> CdpKey.check(new ApiCredentials(NAME, secret, null)),
                    KeyFormatRejected.class);
            assertThat(e).as(secret).isNotNull();
            assertThat(e.field()).isEqualTo("apiSecret");
            assertThat(e.getMessage()).contains("PEM", "Ed25519").doesNotContain(secret.strip());
        }
    }

    @Test
    void toStringHidesThePrivateKey() {
        assertThat(CdpKey.of(new ApiCredentials(NAME, PEM, null)).toString()).contains(NAME).doesNotContain("MHc").contains("***");
    }
}
