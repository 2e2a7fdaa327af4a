package io.coinsphere.exchangesync.exchange.signing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** OKX v5 {@code OK-ACCESS-SIGN} and the {@code OK-ACCESS-TIMESTAMP} it signs. */
public final class OkxSignature {

    /** ISO-8601 UTC with exactly three fraction digits; {@code Instant.toString()} drops or adds digits. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private OkxSignature() {
    }

    /** {@code 2020-12-08T09:08:57.715Z}. */
    public static String timestamp(long epochMillis) {
        return TIMESTAMP.format(Instant.ofEpochMilli(epochMillis));
    }

    /** The header value parsed back to epoch milliseconds. */
    public static long parseTimestamp(String timestamp) {
        return Instant.from(TIMESTAMP.parse(timestamp)).toEpochMilli();
    }

    /**
     * base64(HMAC-SHA256(secret, timestamp + METHOD + requestPath + body)).
     *
     * @param requestPathWithQuery the path with {@code ?query} for GET, e.g. {@code /api/v5/asset/balances?ccy=BTC}
     * @param body                 the JSON body, or null/empty for GET
     */
    public static String sign(String secret, String timestamp, String method, String requestPathWithQuery, String body) {
        String prehash = timestamp + method.toUpperCase(Locale.ROOT) + requestPathWithQuery + (body == null ? "" : body);
        return Hmac.base64(Hmac.hmacSha256(Hmac.utf8(secret), Hmac.utf8(prehash)));
    }
}
