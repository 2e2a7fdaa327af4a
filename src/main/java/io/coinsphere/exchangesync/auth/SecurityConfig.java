package io.coinsphere.exchangesync.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Stateless token security. Public: login and registration, the static UI, {@code /health},
 * {@code /actuator/health}, {@code /actuator/info} and the OpenAPI document {@code /api-doc}. Role
 * {@code ADMIN}: every other {@code /actuator/**} path (Hawtio, Jolokia, Prometheus) and the queue stats;
 * Prometheus may also use its scrape token ({@link ScrapeToken}), which opens {@code /actuator/prometheus} only.
 * Role {@code USER}: the rest of {@code /api/v1/**}. Tokens are RS256 JWTs issued by this service, from the
 * {@code Authorization} header or, for the web page, the session cookie (writes then need {@code X-CSRF-Token}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** SECURITY: the web page loads scripts and styles only from this service; no inline script can run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /** The Basic realm a browser shows when it asks an operator to log in to Hawtio. */
    static final String OPS_REALM = "Basic realm=\"coinsphere-operations\"";

    /** The management paths answer JSON only (Hawtio's pages send their own policy, which wins). */
    public static final String MANAGEMENT_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    /**
     * The management paths. Besides bearer tokens they accept HTTP Basic (an admin's email and password) so that
     * an operator can open Hawtio in a browser; Hawtio's own login is switched off (hawtio.authenticationEnabled).
     */
    @Bean
    @Order(1)
    SecurityFilterChain managementSecurity(HttpSecurity http, JwtDecoder jwtDecoder, ObjectMapper objectMapper,
            NamedParameterJdbcTemplate jdbc, PasswordHasher passwords, RevokedTokens revoked,
            @Value("${coinsphere.security.prometheus-token:}") String prometheusToken, ObjectProvider<LoginThrottle> throttle)
            throws Exception {
        JsonSecurityErrors errors = new JsonSecurityErrors(objectMapper);
        ScrapeToken scrapeToken = new ScrapeToken(prometheusToken);
        http
            // Path patterns on the whole request path: Jolokia is served by its own servlet, which the default
            // MVC matchers would not see, letting its requests fall through to the API chain.
            .securityMatcher(PATHS.matcher("/actuator/**"))
            // SECURITY: no session and no cookie; CSRF is covered by SameOriginWrites, because browsers resend
            // cached Basic credentials on their own.
            .csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
            .addFilterBefore(new SameOriginWrites(), BasicAuthenticationFilter.class)
            .authenticationProvider(AdminLogin.provider(jdbc, passwords, throttle.getIfAvailable(LoginThrottle::none)))
            .httpBasic(b -> b.realmName("coinsphere-operations").authenticationEntryPoint(errors.entryPoint(OPS_REALM)))
            .headers(h -> headers(h, MANAGEMENT_CONTENT_SECURITY_POLICY))
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .authorizeHttpRequests(auth -> auth
                // Anonymous callers get the status only; details need ADMIN (management.endpoint.health.show-details).
                .requestMatchers(PATHS.matcher("/actuator/health"), PATHS.matcher("/actuator/health/**"),
                        PATHS.matcher("/actuator/info")).permitAll()
                // The scrape token's role opens the metrics and nothing else.
                .requestMatchers(PATHS.matcher("/actuator/prometheus")).hasAnyRole(Roles.ADMIN, ScrapeToken.METRICS)
                .anyRequest().hasRole(Roles.ADMIN))
            .oauth2ResourceServer(rs -> rs
                .jwt(jwt -> jwt.decoder(scrapeToken.or(revoked.guard(jwtDecoder))).jwtAuthenticationConverter(rolesFromToken()))
                .authenticationEntryPoint(errors.entryPoint(OPS_REALM))
                .accessDeniedHandler(errors.accessDeniedHandler()))
            .exceptionHandling(e -> e
                .authenticationEntryPoint(errors.entryPoint(OPS_REALM))
                .accessDeniedHandler(errors.accessDeniedHandler()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder jwtDecoder, ObjectMapper objectMapper,
            RevokedTokens revoked) throws Exception {
        JsonSecurityErrors errors = new JsonSecurityErrors(objectMapper);
        http
            // SECURITY: Spring's session-bound CSRF tokens are off; the API is stateless. Bearer-header calls need
            // no token (a browser never adds that header by itself); cookie-authenticated writes are checked by
            // SessionCsrfGuard against the csrf claim of the token in the cookie.
            .csrf(AbstractHttpConfigurer::disable)
            .addFilterAfter(new SessionCsrfGuard(errors), BearerTokenAuthenticationFilter.class)
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            // Keeps the authentication in a request attribute: platform-http runs routes on another thread,
            // where CurrentUser reads it from the request (see CurrentUser).
            .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
            .httpBasic(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .headers(h -> headers(h, CONTENT_SECURITY_POLICY))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(HttpMethod.POST, "/api/v1/auth/login", "/api/v1/auth/register").permitAll()
                .requestMatchers(HttpMethod.GET, "/", "/index.html", "/*.js", "/*.css", "/favicon.ico",
                    "/exchanges", "/exchanges.html", "/assets/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/health").permitAll()
                .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                // The OpenAPI document describes the public API; it holds no data.
                .requestMatchers(HttpMethod.GET, "/api-doc", "/api-doc/**").permitAll()
                // Error dispatches carry the status of a request that was already authorised (or refused).
                .requestMatchers("/error").permitAll()
                .requestMatchers("/api/v1/exchanges/queue/**").hasRole(Roles.ADMIN)
                .requestMatchers("/api/v1/admin/**").hasRole(Roles.ADMIN)
                // SECURITY: every token this service issues to a user carries USER; a validly signed token
                // without it (a service or an operator-only token) does not open the API.
                .requestMatchers("/api/v1/**").hasRole(Roles.USER)
                // SECURITY: deny by default; new paths are protected until someone opens them here.
                .anyRequest().authenticated())
            .oauth2ResourceServer(rs -> rs
                .bearerTokenResolver(new CookieTokenResolver())
                .jwt(jwt -> jwt.decoder(revoked.guard(jwtDecoder)).jwtAuthenticationConverter(rolesFromToken()))
                .authenticationEntryPoint(errors.entryPoint())
                .accessDeniedHandler(errors.accessDeniedHandler()))
            .exceptionHandling(e -> e
                .authenticationEntryPoint(errors.entryPoint())
                .accessDeniedHandler(errors.accessDeniedHandler()));
        return http.build();
    }

    /**
     * SECURITY: the same headers on every answer of a chain (pages, JSON, errors, 404s): the policy, nosniff, no
     * referrer, no framing (frame-ancestors and X-Frame-Options for older browsers), and HSTS for a year when the
     * request came over HTTPS (also behind a proxy, with server.forward-headers-strategy set).
     */
    private static void headers(HeadersConfigurer<HttpSecurity> headers, String policy) {
        headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
            .contentTypeOptions(Customizer.withDefaults())
            .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
            .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    /** The token's {@code roles} claim as {@code ROLE_*} authorities; a token without it has no role. */
    static JwtAuthenticationConverter rolesFromToken() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(TokenIssuer.ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}
