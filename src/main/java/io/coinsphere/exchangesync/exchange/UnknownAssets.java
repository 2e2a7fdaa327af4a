package io.coinsphere.exchangesync.exchange;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes asset codes that do not look like a normal ticker (or that an exchange table does not
 * know). They are stored under their own code and never fail a sync; each is logged once per
 * process, not on every sync, so a stable odd code does not flood the log.
 */
public final class UnknownAssets {

    private static final Logger LOG = LoggerFactory.getLogger(UnknownAssets.class);
    private static final Pattern TICKER = Pattern.compile("[A-Z0-9]{1,15}");
    /** Bounds memory if an exchange sent endless distinct codes; beyond it we stop logging. */
    private static final int MAX_REMEMBERED = 10_000;
    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private UnknownAssets() {
    }

    /** Logs {@code code} once if it is not a plain ticker; returns it unchanged. */
    public static String check(ExchangeId exchange, String code) {
        if (code != null && !TICKER.matcher(code).matches()) {
            note(exchange, code, "is not a plain ticker");
        }
        return code;
    }

    /** Logs once that {@code code} is unknown to the exchange's table. */
    public static void note(ExchangeId exchange, String code, String why) {
        if (SEEN.size() < MAX_REMEMBERED && SEEN.add(exchange.id() + "/" + code)) {
            LOG.info("{} asset code '{}' {}; stored under its own code", exchange.displayName(), FailureTranslation.safeDetail(code), why);
        }
    }

    /** Whether a code was logged already; for tests. */
    static boolean seen(ExchangeId exchange, String code) {
        return SEEN.contains(exchange.id() + "/" + code);
    }
}
