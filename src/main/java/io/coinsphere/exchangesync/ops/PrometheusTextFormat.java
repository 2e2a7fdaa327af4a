package io.coinsphere.exchangesync.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The jar carries Prometheus' text formats only: the protobuf format's writer brings a 1.9 MB shaded protobuf
 * (docs/benchmarks.md, "The jar under 80 MB"). Spring Boot still offers protobuf to a scraper that lists it first
 * (Prometheus with native histograms on) and then fails with a 500; such a scrape is answered in the text formats it
 * also accepts, or in Prometheus' plain text format, which every Prometheus reads. Registered on the scrape endpoint
 * only, by {@link PrometheusTextFormatConfiguration}.
 */
class PrometheusTextFormat extends OncePerRequestFilter {

    static final String PROTOBUF = "application/vnd.google.protobuf";
    static final String PLAIN_TEXT = "text/plain;version=0.0.4";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains(PROTOBUF)) {
            chain.doFilter(request, response);
            return;
        }
        String text = withoutProtobuf(accept);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? text : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(text)) : super.getHeaders(name);
            }
        }, response);
    }

    /** The media ranges of {@code accept} other than protobuf, or Prometheus' plain text when none is left. */
    static String withoutProtobuf(String accept) {
        String rest = Arrays.stream(accept.split(",")).map(String::trim)
                .filter(range -> !range.isEmpty() && !range.toLowerCase(Locale.ROOT).startsWith(PROTOBUF))
                .collect(Collectors.joining(","));
        return rest.isEmpty() ? PLAIN_TEXT : rest;
    }
}
