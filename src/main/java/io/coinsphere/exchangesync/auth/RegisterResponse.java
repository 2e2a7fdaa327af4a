package io.coinsphere.exchangesync.auth;

import java.util.UUID;

/** Answer to a successful registration: {@code {"success":true,"userId":"<uuid>"}}. */
public record RegisterResponse(boolean success, UUID userId) {

    public static RegisterResponse of(UUID userId) {
        return new RegisterResponse(true, userId);
    }
}
