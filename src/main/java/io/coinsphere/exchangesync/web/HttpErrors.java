package io.coinsphere.exchangesync.web;

/**
 * The API's error code and message for a bare HTTP status, for errors that happen before any route
 * runs (no such path, wrong method, wrong media type, a URL the server refuses). The texts are
 * fixed: nothing from the request is echoed back.
 */
public final class HttpErrors {

    private HttpErrors() {
    }

    public static ApiError forStatus(int status) {
        return switch (status) {
            case 400 -> ApiError.of("bad_request", "The request is not valid HTTP for this API", null);
            case 401 -> ApiError.of("unauthorized", "Authentication required", null);
            case 403 -> ApiError.of("forbidden", "Access denied", null);
            case 404 -> ApiError.of("not_found", "No such resource", null);
            case 405 -> ApiError.of("method_not_allowed", "This method is not allowed here; see the Allow header", null);
            case 406 -> ApiError.of("not_acceptable", "This resource answers application/json only", null);
            case 408 -> ApiError.of("request_timeout", "The request took too long to arrive", null);
            case 413 -> ApiError.of("payload_too_large", "The request body is larger than 64 KiB", null);
            case 414 -> ApiError.of("uri_too_long", "The request URL is too long", null);
            case 415 -> ApiError.of("unsupported_media_type", "Send request bodies as application/json", null);
            case 431 -> ApiError.of("headers_too_large", "The request headers are too large", null);
            default -> status >= 500
                    ? ApiError.of("internal_error", "Something went wrong on our side; please try again", null)
                    : ApiError.of("bad_request", "The request cannot be served", null);
        };
    }
}
