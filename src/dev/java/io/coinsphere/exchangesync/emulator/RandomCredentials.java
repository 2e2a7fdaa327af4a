package io.coinsphere.exchangesync.emulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Fresh credentials in an exchange's real format (see each profile's {@code randomCredentials}), so tests never share or hard-code a key. */
record RandomCredentials(String apiKey, String apiSecret, String passphrase) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    static String alphanumeric(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    static String base64(int bytes) {
        return Base64.getEncoder().encodeToString(randomBytes(bytes));
    }

    static String hex(int bytes) {
        return HexFormat.of().formatHex(randomBytes(bytes));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
