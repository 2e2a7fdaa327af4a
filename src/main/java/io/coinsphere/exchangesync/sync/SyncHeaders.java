package io.coinsphere.exchangesync.sync;

/** Header names the sync flow carries; none of them ever holds a secret. */
public final class SyncHeaders {

    public static final String CONNECTION_ID = "connectionId";
    /** {@code scheduled}, {@code manual} or {@code api}, as stored in {@code sync_runs.trigger}. */
    public static final String TRIGGER = "syncTrigger";
    public static final String STARTED_AT = "syncStartedAt";
    public static final String PRIORITY = "syncPriority";
    public static final String SEQUENCE = "syncSequence";
    public static final String EXCHANGE = "exchangeId";
    public static final String USER_ID = "userId";
    /** When the fan-out claimed a scheduled sync; a sync that already ran after it is skipped. */
    public static final String CLAIMED_AT = "syncClaimedAt";

    private SyncHeaders() {
    }
}
