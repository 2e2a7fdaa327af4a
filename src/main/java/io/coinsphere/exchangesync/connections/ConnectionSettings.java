package io.coinsphere.exchangesync.connections;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH /connections/{id}}: every field optional. A label that is sent must say something:
 * a card without a name cannot be told apart (connect, by contrast, names an unlabelled connection itself).
 */
public record ConnectionSettings(
        @Size(max = 100, message = "must be at most 100 characters")
        @Pattern(regexp = ".*\\S.*", message = "must not be blank") String label,
        Boolean autoSync,
        @Min(value = 60, message = "must be between 60 and 86400 seconds")
        @Max(value = 86400, message = "must be between 60 and 86400 seconds") Integer syncInterval) {
}
