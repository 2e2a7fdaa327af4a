package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;

/** An external issuer is accepted only with an audience: otherwise any token it minted for another app would open this one. */
class JwtConfigTest {

    @Test
    void anExternalIssuerWithoutAnAudienceStopsTheStart() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        OAuth2ResourceServerProperties properties = new OAuth2ResourceServerProperties();
        properties.getJwt().setJwkSetUri("https://idp.example/jwks");
        properties.getJwt().setIssuerUri("https://idp.example/realms/main");
        JwtConfig config = new JwtConfig();
        JwtKeys keys = new JwtKeys(key, List.of());

        assertThatThrownBy(() -> config.jwtDecoder(keys, properties, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("audiences");
        properties.getJwt().setAudiences(List.of(" "));
        assertThatThrownBy(() -> config.jwtDecoder(keys, properties, null)).isInstanceOf(IllegalStateException.class);

        properties.getJwt().setAudiences(List.of("coinsphere-exchange-sync"));
        assertThat(config.jwtDecoder(keys, properties, null)).isNotNull();
    }
}
