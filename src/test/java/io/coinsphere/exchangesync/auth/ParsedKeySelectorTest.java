package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.Key;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedKeySelectorTest {

    private final RSAKey current = generate("current");
    private final RSAKey previous = generate("previous");
    private final ParsedKeySelector selector =
            new ParsedKeySelector(new JWKSet(List.of(current.toPublicJWK(), previous.toPublicJWK())));

    @Test
    void picksTheKeyNamedByTheKid() throws Exception {
        assertThat(select(header(JWSAlgorithm.RS256, "previous")))
                .containsExactly(previous.toRSAPublicKey());
        assertThat(select(header(JWSAlgorithm.RS256, "current")))
                .containsExactly(current.toRSAPublicKey());
    }

    @Test
    void anUnknownKidFindsNothingAndNoKidTriesEveryKey() throws Exception {
        assertThat(select(header(JWSAlgorithm.RS256, "someone-else"))).isEmpty();
        assertThat(select(header(JWSAlgorithm.RS256, null)))
                .containsExactly(current.toRSAPublicKey(), previous.toRSAPublicKey());
    }

    @Test
    void onlyRs256IsAccepted() {
        for (JWSAlgorithm other : List.of(JWSAlgorithm.HS256, JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256)) {
            assertThat(select(header(other, "current"))).as(other.getName()).isEmpty();
        }
    }

    private List<Key> select(JWSHeader header) {
        return List.copyOf(selector.selectJWSKeys(header, null));
    }

    private static JWSHeader header(JWSAlgorithm algorithm, String kid) {
        return new JWSHeader.Builder(algorithm).keyID(kid).build();
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
