package io.coinsphere.exchangesync.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.ratelimit.ClientAddress;
import io.coinsphere.exchangesync.ratelimit.RateLimitProperties;
import io.coinsphere.exchangesync.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/events}: the signed-in user's finished syncs as Server-Sent Events. A Spring MVC
 * {@link SseEmitter} rather than a Camel REST verb, because this is a long-lived stream held open
 * for minutes, not a command with one reply; the REST API stays in Camel.
 */
@RestController
public class LiveEventsController {

    private final LiveStreams streams;
    private final LiveProperties properties;
    private final ObjectMapper json;
    private final ClientAddress addresses;

    public LiveEventsController(LiveStreams streams, LiveProperties properties, ObjectMapper json,
            RateLimitProperties rateLimits) {
        this.addresses = new ClientAddress(rateLimits.trustedProxies());
        this.streams = streams;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping("/api/v1/events")
    public SseEmitter events(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        UUID userId = userId(authentication);
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        // Proxies such as nginx buffer responses unless told not to; a buffered stream is not live.
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // The client address as the rate limits see it (X-Forwarded-For only from a trusted proxy).
        String address = addresses.of(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")));
        LiveStream stream = streams.open(userId, address, new EmitterSink(emitter));
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(error -> stream.close());
        return emitter;
    }

    @ExceptionHandler(LiveStreams.TooManyStreams.class)
    void tooManyStreams(HttpServletResponse response) throws IOException {
        // Written by hand: the client asked for text/event-stream, so content negotiation would refuse JSON.
        response.setStatus(429);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ApiError.of("too_many_streams",
                "Too many open event streams; close a tab and try again", null));
    }

    private static UUID userId(Authentication authentication) {
        // SECURITY: the filter chain only lets authenticated JWTs reach /api/v1/**; the subject is the user id.
        if (authentication instanceof JwtAuthenticationToken jwt && jwt.isAuthenticated()) {
            return UUID.fromString(jwt.getName());
        }
        throw new IllegalStateException("unauthenticated request reached the event stream");
    }

    /** Writes a stream's frames to the emitter. */
    private record EmitterSink(SseEmitter emitter) implements LiveStream.Sink {
        @Override
        public void event(String name, Object data) throws IOException {
            emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
        }

        @Override
        public void comment(String text) throws IOException {
            emitter.send(SseEmitter.event().comment(text));
        }

        @Override
        public void complete() {
            emitter.complete();
        }
    }
}
