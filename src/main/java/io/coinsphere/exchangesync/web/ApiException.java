package io.coinsphere.exchangesync.web;

import java.time.Duration;
import java.util.List;

/**
 * A request that cannot be served, with the HTTP status and error code the client sees. Thrown by
 * beans anywhere behind the REST API; translated to {@link ApiError} in one place.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<ApiError.FieldError> details;
    private final Duration retryAfter;

    public ApiException(int status, String code, String message) {
        this(status, code, message, List.of(), null);
    }

    public ApiException(int status, String code, String message, List<ApiError.FieldError> details, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details == null ? List.of() : List.copyOf(details);
        this.retryAfter = retryAfter;
    }

    public static ApiException validation(List<ApiError.FieldError> details) {
        return new ApiException(400, "validation_failed", "The request is not valid", details, null);
    }

    public static ApiException validation(String field, String message) {
        return validation(List.of(new ApiError.FieldError(field, message)));
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what + " not found");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<ApiError.FieldError> details() {
        return details;
    }

    /** For 429 answers: how long the client should wait; null otherwise. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public ApiError toBody() {
        return ApiError.of(code, getMessage(), details);
    }
}
