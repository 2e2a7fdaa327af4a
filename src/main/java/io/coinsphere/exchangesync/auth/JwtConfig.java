package io.coinsphere.exchangesync.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.coinsphere.exchangesync.config.CoinsphereProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * RS256 JWT keys, encoder and decoder. One key signs (configured PEM or PKCS#12, or generated in the data
 * directory); older keys listed in {@code verification-keys} still verify. Optionally, tokens of an external
 * issuer ({@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} and {@code issuer-uri}) are accepted too.
 */
@Configuration(proxyBeanMethods = false)
public class JwtConfig {

    @Bean
    JwtKeys jwtKeys(JwtProperties properties, CoinsphereProperties coinsphere, ResourceLoader resources) throws IOException {
        List<RSAKey> older = new ArrayList<>();
        for (String location : properties.verificationKeys()) {
            if (!location.isBlank()) {
                older.add(JwtSigningKeys.publicFromPem(read(resources, location.strip())));
            }
        }
        return new JwtKeys(signingKey(properties, coinsphere, resources), older);
    }

    private static RSAKey signingKey(JwtProperties properties, CoinsphereProperties coinsphere, ResourceLoader resources)
            throws IOException {
        boolean inline = isSet(properties.privateKey());
        boolean located = isSet(properties.privateKeyLocation());
        boolean store = isSet(properties.keyStore());
        if ((inline ? 1 : 0) + (located ? 1 : 0) + (store ? 1 : 0) > 1) {
            throw new IllegalStateException("Set only one of coinsphere.security.jwt.private-key, private-key-location and key-store");
        }
        if (inline) {
            return JwtSigningKeys.fromPem(properties.privateKey());
        }
        if (located) {
            return JwtSigningKeys.fromPem(read(resources, properties.privateKeyLocation()));
        }
        if (store) {
            char[] password = properties.keyStorePassword() == null ? new char[0] : properties.keyStorePassword().toCharArray();
            try (InputStream in = open(resources, properties.keyStore())) {
                return JwtSigningKeys.fromKeyStore(in, password, properties.keyAlias());
            }
        }
        return JwtSigningKeys.loadOrCreate(coinsphere.dataDir());
    }

    /** The current signing key (private); other beans and tests read its {@code kid}. */
    @Bean
    RSAKey jwtSigningKey(JwtKeys jwtKeys) {
        return jwtKeys.signing();
    }

    @Bean
    JwtEncoder jwtEncoder(JwtKeys jwtKeys) {
        // SECURITY: only the current key can sign; verification-only keys have no private part.
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwtKeys.signing())));
    }

    @Bean
    JwtDecoder jwtDecoder(JwtKeys jwtKeys, OAuth2ResourceServerProperties resourceServer, NamedParameterJdbcTemplate jdbc) {
        JwtDecoder local = localDecoder(jwtKeys);
        OAuth2ResourceServerProperties.Jwt external = resourceServer.getJwt();
        if (!isSet(external.getJwkSetUri())) {
            return local;
        }
        // SECURITY: an external issuer is trusted only under its exact iss, so its tokens cannot pass as ours.
        if (!isSet(external.getIssuerUri()) || TokenIssuer.ISSUER.equals(external.getIssuerUri())) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.jwk-set-uri needs issuer-uri:"
                    + " the external issuer's exact iss value");
        }
        // SECURITY: without an audience, a token the issuer minted for any other application would open this one.
        if (external.getAudiences().stream().noneMatch(JwtConfig::isSet)) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.jwk-set-uri needs audiences:"
                    + " the aud value the external issuer puts in tokens meant for this service");
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(external.getJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefaultWithIssuer(external.getIssuerUri()));
        List<String> audiences = external.getAudiences();
        validators.add(new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return new IssuerRoutingJwtDecoder(local, external.getIssuerUri(), decoder, new ExternalTokens(jdbc));
    }

    /** Our own tokens: RS256 under one of our public keys, chosen by kid, with our issuer. */
    static JwtDecoder localDecoder(JwtKeys keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // SECURITY: only RS256 with our own public keys (no "alg":"none", no HMAC confusion).
        processor.setJWSKeySelector(new ParsedKeySelector(keys.publicKeys()));
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        // Claims are checked by Spring's validators below (exp/nbf with 60 s skew, iss), as NimbusJwtDecoder's builders do.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TokenIssuer.ISSUER));
        return decoder;
    }

    @Bean
    TokenIssuer tokenIssuer(JwtEncoder jwtEncoder, JwtKeys jwtKeys, JwtProperties properties) {
        return new TokenIssuer(jwtEncoder, jwtKeys.signing().getKeyID(), properties.ttl());
    }

    @Bean
    PasswordHasher passwordHasher() {
        return new PasswordHasher(10);
    }

    private static String read(ResourceLoader resources, String location) throws IOException {
        try (InputStream in = open(resources, location)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static InputStream open(ResourceLoader resources, String location) throws IOException {
        return location.startsWith("classpath:") || location.startsWith("file:")
                ? resources.getResource(location).getInputStream()
                : Files.newInputStream(Path.of(location));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
