package io.coinsphere.exchangesync.settings;

import jakarta.validation.constraints.Pattern;

/** The body of {@code PATCH /api/v1/me}; every field optional. */
public record MeUpdate(
        @Pattern(regexp = "[A-Za-z]{3,5}", message = "must be a currency code such as USD or EUR") String quoteCurrency) {
}
