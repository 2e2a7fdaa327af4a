package io.coinsphere.exchangesync.emulator;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/** Fresh credentials in each exchange's real format, so tests never share or hard-code a key. */
record RandomCredentials(String apiKey, String apiSecret, String passphrase) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    static RandomCredentials of(ExchangeId exchange) {
        return switch (exchange) {
            case BINANCE -> new RandomCredentials(alphanumeric(64), alphanumeric(64), null);
            case KRAKEN -> new RandomCredentials(base64(42), base64(64), null);
            case COINBASE -> new RandomCredentials(hex(16), base64(64), alphanumeric(11).toLowerCase(Locale.ROOT));
            case KUCOIN -> new RandomCredentials(hex(12), UUID.randomUUID().toString(), alphanumeric(12));
            case COINBASE_ADVANCED -> new RandomCredentials(CdpKeyMaterial.newKeyName(), CdpKeyMaterial.newEcdsaPem(), null);
            case BITSTAMP -> new RandomCredentials(alphanumeric(32), alphanumeric(32), null);
        };
    }

    private static String alphanumeric(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return text.toString();
    }

    private static String base64(int bytes) {
        return Base64.getEncoder().encodeToString(randomBytes(bytes));
    }

    private static String hex(int bytes) {
        return HexFormat.of().formatHex(randomBytes(bytes));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
