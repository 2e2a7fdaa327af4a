package io.coinsphere.exchangesync.connections;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** The body of {@code PATCH /connections/{id}}: every field optional. */
public record ConnectionSettings(
        @Size(max = 100, message = "must be at most 100 characters") String label,
        Boolean autoSync,
        @Min(value = 60, message = "must be between 60 and 86400 seconds")
        @Max(value = 86400, message = "must be between 60 and 86400 seconds") Integer syncInterval) {
}
