package io.coinsphere.exchangesync.exchange.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.KeyFormatRejected;
import io.coinsphere.exchangesync.exchange.KeyPermissions;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.guard.PerKeyExclusion;
import io.coinsphere.exchangesync.exchange.http.PartialFetch;
import io.coinsphere.exchangesync.exchange.http.SignedHttpAdapter;
import org.springframework.stereotype.Component;

/**
 * Gemini balances with an account-level key: the exchange balances ({@code /v1/balances}) and the staked ones
 * ({@code /v1/balances/staking}, a secondary wallet: failing makes the sync partial), and the key's roles
 * ({@code /v1/roles}: Auditor reads, Trader trades, Fund Manager moves funds). Nonces increase per key across
 * threads, restarts and instances ({@link GeminiNonces}) and are seconds on Gemini's clock.
 */
@Component
public class GeminiAdapter extends SignedHttpAdapter {

    static final String BALANCES = "/v1/balances";
    static final String STAKING = "/v1/balances/staking";
    static final String ROLES = "/v1/roles";
    /** Public; {@code volume.timestamp} (milliseconds) is Gemini's clock. */
    static final String TICKER = "/v1/pubticker/btcusd";

    private static final ExchangeId ID = ExchangeId.GEMINI;
    /** Process-wide, as Kraken's: a key's calls go one at a time, so wire order equals nonce order. */
    private static final PerKeyExclusion PER_KEY = new PerKeyExclusion();

    private final GeminiClient client;
    private final GeminiNonces nonces;

    public GeminiAdapter(ExchangesProperties properties, ExchangeGuards guards, GeminiNonces nonces) {
        super(ID, properties, guards);
        this.client = new GeminiClient(http());
        this.nonces = nonces;
    }

    /** Master keys read every account only with an {@code account} parameter on each call, which we do not send. */
    @Override
    public ApiCredentials checkFormat(ApiCredentials credentials) {
        ApiCredentials checked = super.checkFormat(credentials);
        if (checked.apiKey().startsWith("master-")) {
            throw new KeyFormatRejected("apiKey", "must be an account-level Gemini key (scope Primary, starting with"
                    + " \"account-\"): master keys are not supported");
        }
        return checked;
    }

    @Override
    public AccountSnapshot fetch(ApiCredentials credentials) {
        PartialFetch fetch = new PartialFetch(ID);
        GeminiBalances.readExchange(signedPost(BALANCES, credentials), fetch.sheet());
        fetch.secondary(Wallet.STAKED, "staking balances", () -> GeminiBalances.readStaking(signedPost(STAKING, credentials), fetch.sheet()));
        return fetch.snapshot();
    }

    /** {@code {"isAuditor":true,"isFundManager":false,"isTrader":false,...}}. */
    @Override
    public KeyPermissions checkPermissions(ApiCredentials credentials) {
        JsonNode roles = signedPost(ROLES, credentials);
        JsonNode auditor = roles.path("isAuditor");
        JsonNode trader = roles.path("isTrader");
        JsonNode fundManager = roles.path("isFundManager");
        if (!auditor.isBoolean() || !trader.isBoolean() || !fundManager.isBoolean()) {
            throw new ExchangeUnavailable("Gemini sent no roles for this key; try again later.");
        }
        // Every role may read balances; Fund Manager may move funds, which counts as withdrawal.
        return KeyPermissions.verified(true, trader.booleanValue(), fundManager.booleanValue());
    }

    /** One request through the guard, retried once with a fresh nonce after the clock is measured again. */
    private JsonNode signedPost(String path, ApiCredentials credentials) {
        String key = credentials.apiKey();
        return signed(key, () -> {
            try {
                // The nonce is taken under the key's lane, so a higher nonce never overtakes a lower one here.
                return PER_KEY.run(key, () -> client.post(path, credentials, nonces.next(key, Math.floorDiv(now(), 1000))));
            } catch (Exception e) {
                throw http().transportFailure(e);
            }
        });
    }

    @Override
    protected long serverTime() {
        JsonNode timestamp = client.getPublic(TICKER).path("volume").path("timestamp");
        if (!timestamp.canConvertToLong()) {
            throw new ExchangeUnavailable("Gemini sent no server time.");
        }
        return timestamp.longValue();
    }
}
