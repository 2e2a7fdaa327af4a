package io.coinsphere.exchangesync.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/auth/register}. */
public record RegisterRequest(
        @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be a valid email address")
        String email,
        // Length rules are configurable and counted in UTF-8 bytes: see PasswordPolicy.
        @NotNull String password) {

    @Override
    public String toString() {
        // SECURITY: never print the password (Camel tracing or a debug log might).
        return "RegisterRequest[email=" + email + "]";
    }
}
