package io.coinsphere.exchangesync.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Reads and validates JSON request bodies and path ids, turning every flaw into a 4xx with details.
 * The same rules for every endpoint: unknown fields are ignored (clients may send more than we read),
 * but types are strict (no {@code "300"} for a number, no {@code 1} for a string), a key given twice
 * or anything after the object is refused, and no string may hold a control character or half a
 * surrogate pair (see {@link TextRules}).
 */
@Component
public class JsonBodies {

    /** Request bodies are small commands; larger ones are refused before parsing. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** Per request type, the fields marked {@link MultiLineText}. */
    private static final ClassValue<Set<String>> MULTI_LINE_FIELDS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components == null ? Set.of() : Arrays.stream(components)
                    .filter(component -> component.isAnnotationPresent(MultiLineText.class))
                    .map(RecordComponent::getName).collect(Collectors.toUnmodifiableSet());
        }
    };

    private final ObjectMapper json;
    private final Validator validator;

    public JsonBodies(ObjectMapper json, Validator validator) {
        ObjectMapper strict = json.copy()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
                .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
                // SECURITY: {"apiKey":"a","apiKey":"b"} would let a proxy and this service read different keys.
                .configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        // Types are what the OpenAPI document says: a number is a JSON number, a flag a JSON boolean.
        strict.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        this.json = strict;
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
            JsonNode tree = json.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw ApiException.validation("body", "A JSON object is required");
            }
            TextRules.check(tree, MULTI_LINE_FIELDS.get(type));
            value = json.treeToValue(tree, type);
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
