package io.coinsphere.exchangesync.web;

import java.util.List;

/** The one JSON error body of the API: {@code {"success":false,"error":"<code>","message":"...","details":[...]}}. */
public record ApiError(boolean success, String error, String message, List<FieldError> details) {

    /** One problem with one input field. */
    public record FieldError(String field, String message) {
    }

    public static ApiError of(String error, String message, List<FieldError> details) {
        return new ApiError(false, error, message, details == null ? List.of() : List.copyOf(details));
    }
}
