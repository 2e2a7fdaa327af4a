package io.coinsphere.exchangesync.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** Reads and validates JSON request bodies and path ids, turning every flaw into a 4xx with details. */
@Component
public class JsonBodies {

    /** Request bodies are small commands; larger ones are refused before parsing. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final ObjectMapper json;
    private final Validator validator;

    public JsonBodies(ObjectMapper json, Validator validator) {
        this.json = json.copy()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        this.validator = validator;
    }

    public <T> T read(Exchange exchange, Class<T> type) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        if (body == null || body.length == 0) {
            throw ApiException.validation("body", "A JSON body is required");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "payload_too_large", "The request body is larger than 64 KiB");
        }
        T value;
        try {
            ObjectReader reader = json.readerFor(type);
            value = reader.readValue(body);
        } catch (MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "body" : e.getPath().get(e.getPath().size() - 1).getFieldName();
            throw ApiException.validation(field == null ? "body" : field, "has the wrong type");
        } catch (JsonProcessingException e) {
            throw ApiException.validation("body", "Malformed JSON");
        } catch (java.io.IOException e) {
            throw ApiException.validation("body", "Unreadable body");
        }
        if (value == null) {
            throw ApiException.validation("body", "A JSON object is required");
        }
        validate(value);
        return value;
    }

    public <T> void validate(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            List<ApiError.FieldError> details = violations.stream()
                    .map(v -> new ApiError.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(ApiError.FieldError::field))
                    .toList();
            throw ApiException.validation(details);
        }
    }

    /** The {@code {id}} path parameter as a UUID; anything else is a 400, never a database error. */
    public static UUID pathId(Exchange exchange) {
        String raw = exchange.getMessage().getHeader("id", String.class);
        try {
            if (raw == null || raw.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.validation("id", "must be a UUID");
        }
    }
}
