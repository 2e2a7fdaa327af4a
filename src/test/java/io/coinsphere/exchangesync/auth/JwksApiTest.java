package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwksApiTest {

    @Test
    void theDocumentHoldsPublicKeyPartsOnlyCurrentKeyFirst() throws Exception {
        RSAKey current = new RSAKeyGenerator(2048).keyID("current").generate();
        RSAKey previous = new RSAKeyGenerator(2048).keyID("previous").generate();

        var reply = new JwksApi(new JwtKeys(current, List.of(previous))).document();

        assertThat(reply.status()).isEqualTo(200);
        String json = new ObjectMapper().writeValueAsString(reply.body());
        var keys = new ObjectMapper().readTree(json).get("keys");
        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).get("kid").asText()).isEqualTo("current");
        // SECURITY: no private exponent or CRT part may leave the service.
        assertThat(json).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"");
    }
}
