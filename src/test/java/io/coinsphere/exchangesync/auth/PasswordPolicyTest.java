package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coinsphere.exchangesync.web.ApiError;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(12);

    @Test
    void countsCharactersForTheMinimumAndBytesForTheMaximum() {
        assertThat(messages("a".repeat(11))).containsExactly("must be at least 12 characters");
        assertThat(messages("a".repeat(12))).isEmpty();
        // Emoji are two UTF-16 units but one character.
        assertThat(messages("\uD83D\uDD11".repeat(11))).containsExactly("must be at least 12 characters");
        assertThat(messages("a".repeat(72))).isEmpty();
        assertThat(messages("a".repeat(73))).singleElement().asString().startsWith("must be at most 72 bytes");
        assertThat(messages("é".repeat(36))).isEmpty();
        assertThat(messages("é".repeat(37))).singleElement().asString().startsWith("must be at most 72 bytes");
        assertThat(messages(null)).isEmpty();
    }

    @Test
    void theEmailIsNoPassword() {
        assertThat(policy.check(" Someone@Example.com ", "someone@example.com"))
                .extracting(ApiError.FieldError::message).containsExactly("must not be your email address");
        assertThat(new PasswordPolicy(8).check("a@b.io-x", "a@b.io")).isEmpty();
    }

    @Test
    void theMinimumStaysWithinWhatBcryptCanRead() {
        assertThatThrownBy(() -> new PasswordPolicy(7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordPolicy(73)).isInstanceOf(IllegalArgumentException.class);
    }

    private java.util.List<String> messages(String password) {
        return policy.check(password, "owner@example.com").stream().map(ApiError.FieldError::message).toList();
    }
}
