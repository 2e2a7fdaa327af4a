package io.coinsphere.exchangesync.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * BCrypt password hashing. BCrypt reads at most 72 bytes (Spring Security refuses longer input). New passwords
 * are at most 72 bytes ({@link PasswordPolicy}); accounts registered before that rule may have longer ones, which
 * are first reduced to base64(SHA-256(password)), 44 bytes, so they still sign in.
 */
public final class PasswordHasher {

    private static final int BCRYPT_MAX_BYTES = 72;

    private final BCryptPasswordEncoder encoder;
    private final String dummyHash;
    private final LongAdder checks = new LongAdder();

    public PasswordHasher(int strength) {
        this.encoder = new BCryptPasswordEncoder(strength);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        // SECURITY: a hash of a random value at the same cost, checked when the email is unknown,
        // so a login for a missing user takes as long as one with a wrong password.
        this.dummyHash = encoder.encode(HexFormat.of().formatHex(random));
    }

    public String hash(String rawPassword) {
        return encoder.encode(prepare(rawPassword));
    }

    public boolean matches(String rawPassword, String hash) {
        checks.increment();
        return encoder.matches(prepare(rawPassword), hash);
    }

    /** Spends the time of one {@link #matches} and returns false; for unknown users. */
    public boolean matchesNothing(String rawPassword) {
        checks.increment();
        encoder.matches(prepare(rawPassword), dummyHash);
        return false;
    }

    /** Passwords checked so far (each one BCrypt check, ~50-100 ms of a core): what a guessing limit must bound. */
    public long checks() {
        return checks.sum();
    }

    // SECURITY: pre-hashing only beyond 72 bytes keeps ordinary passwords plain BCrypt, and keeps every
    // character of a long password significant instead of silently truncating it.
    static String prepare(String rawPassword) {
        byte[] bytes = rawPassword.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= BCRYPT_MAX_BYTES) {
            return rawPassword;
        }
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
