package io.coinsphere.exchangesync.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import io.coinsphere.exchangesync.config.CoinsphereProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** RS256 JWT encoder and decoder over one signing key (configured PEM, or generated in the data directory). */
@Configuration(proxyBeanMethods = false)
public class JwtConfig {

    @Bean
    RSAKey jwtSigningKey(JwtProperties properties, CoinsphereProperties coinsphere, ResourceLoader resources) throws IOException {
        boolean inline = properties.privateKey() != null && !properties.privateKey().isBlank();
        boolean located = properties.privateKeyLocation() != null && !properties.privateKeyLocation().isBlank();
        if (inline && located) {
            throw new IllegalStateException("Set only one of coinsphere.security.jwt.private-key and private-key-location");
        }
        if (inline) {
            return JwtSigningKeys.fromPem(properties.privateKey());
        }
        if (located) {
            String location = properties.privateKeyLocation();
            String pem = location.startsWith("classpath:") || location.startsWith("file:")
                    ? resources.getResource(location).getContentAsString(StandardCharsets.US_ASCII)
                    : Files.readString(Path.of(location), StandardCharsets.US_ASCII);
            return JwtSigningKeys.fromPem(pem);
        }
        return JwtSigningKeys.loadOrCreate(coinsphere.dataDir());
    }

    @Bean
    JwtEncoder jwtEncoder(RSAKey jwtSigningKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwtSigningKey)));
    }

    @Bean
    JwtDecoder jwtDecoder(RSAKey jwtSigningKey) throws JOSEException {
        // SECURITY: only RS256 with our own public key is accepted (no "alg":"none", no HMAC confusion),
        // and the default validators check exp/nbf (60 s skew) plus our issuer.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(jwtSigningKey.toRSAPublicKey())
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TokenIssuer.ISSUER));
        return decoder;
    }

    @Bean
    TokenIssuer tokenIssuer(JwtEncoder jwtEncoder, RSAKey jwtSigningKey, JwtProperties properties) {
        return new TokenIssuer(jwtEncoder, jwtSigningKey.getKeyID(), properties.ttl());
    }

    @Bean
    PasswordHasher passwordHasher() {
        return new PasswordHasher(10);
    }
}
