package io.coinsphere.exchangesync.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Stateless bearer-token security: {@code /api/v1/auth/**}, the static UI and {@code /actuator/health} are
 * public; everything else needs a valid RS256 JWT issued by this service.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** SECURITY: the web page loads scripts and styles only from this service; no inline script can run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder jwtDecoder, ObjectMapper objectMapper) throws Exception {
        JsonSecurityErrors errors = new JsonSecurityErrors(objectMapper);
        http
            // SECURITY: CSRF protection is off because the API only accepts bearer tokens from the Authorization
            // header, which a browser never attaches on its own. Revisit when cookie sessions arrive.
            .csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            // Keeps the authentication in a request attribute: platform-http runs routes on another thread,
            // where CurrentUser reads it from the request (see CurrentUser).
            .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
            .httpBasic(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .headers(h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/api/v1/auth/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/", "/index.html", "/*.js", "/*.css", "/favicon.ico",
                    "/exchanges", "/exchanges.html", "/assets/**").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                // Error dispatches carry the status of a request that was already authorised (or refused).
                .requestMatchers("/error").permitAll()
                .requestMatchers("/api/v1/**").authenticated()
                // SECURITY: deny by default; new paths are protected until someone opens them here.
                .anyRequest().authenticated())
            .oauth2ResourceServer(rs -> rs
                .jwt(jwt -> jwt.decoder(jwtDecoder))
                .authenticationEntryPoint(errors.entryPoint())
                .accessDeniedHandler(errors.accessDeniedHandler()))
            .exceptionHandling(e -> e
                .authenticationEntryPoint(errors.entryPoint())
                .accessDeniedHandler(errors.accessDeniedHandler()));
        return http.build();
    }
}
