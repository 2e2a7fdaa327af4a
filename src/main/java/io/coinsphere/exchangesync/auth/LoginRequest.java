package io.coinsphere.exchangesync.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/auth/login}. Only presence is checked: password rules may change after registration. */
public record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 1024) String password) {

    @Override
    public String toString() {
        // SECURITY: never print the password.
        return "LoginRequest[email=" + email + "]";
    }
}
