package io.coinsphere.exchangesync.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.web.ApiException;
import java.io.IOException;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Reads the JSON bodies of register and login (routes/auth.camel.yaml); malformed JSON becomes a 400
 * {@link ApiException} for the shared error translation. A null result (body "null") is refused by {@link AuthService}.
 */
@Component
public class AuthBodies {

    private final ObjectMapper json;

    public AuthBodies(ObjectMapper json) {
        this.json = json;
    }

    public RegisterRequest register(Exchange exchange) {
        return read(exchange, RegisterRequest.class);
    }

    public LoginRequest login(Exchange exchange) {
        return read(exchange, LoginRequest.class);
    }

    <T> T read(Exchange exchange, Class<T> type) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw ApiException.validation("body", "must be a JSON object");
        }
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            // SECURITY: Jackson's message quotes the input (a password, maybe); answer with a fixed text.
            throw ApiException.validation("body", "must be a JSON object");
        }
    }
}
