package io.coinsphere.exchangesync.exchange.coinbaseadvanced;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.CredentialsRejected;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.KeyFormatRejected;
import io.coinsphere.exchangesync.exchange.KeyPermissions;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.http.SignedHttpAdapter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Coinbase balances with a CDP key: every account of the key's portfolio, page by page, and the key's
 * permissions, which Coinbase reports (so a key that can move funds is found out). Requests are signed on
 * Coinbase's clock ({@code GET /api/v3/brokerage/time}) and budgeted per key.
 */
@Component
public class CoinbaseAdvancedAdapter extends SignedHttpAdapter {

    static final String ACCOUNTS = "/api/v3/brokerage/accounts";
    static final String KEY_PERMISSIONS = "/api/v3/brokerage/key_permissions";
    static final String TIME = "/api/v3/brokerage/time";
    /** Coinbase's largest page. */
    static final int PAGE_SIZE = 250;
    /** 50,000 accounts, far beyond the currencies Coinbase lists: more means the cursor is going round. */
    static final int MAX_PAGES = 200;

    private static final ExchangeId ID = ExchangeId.COINBASE_ADVANCED;

    private final CdpClient client;

    public CoinbaseAdvancedAdapter(ExchangesProperties properties, ExchangeGuards guards) {
        super(ID, properties, guards);
        this.client = new CdpClient(http());
    }

    @Override
    public ApiCredentials checkFormat(ApiCredentials credentials) {
        return CdpKey.check(credentials);
    }

    @Override
    public AccountSnapshot fetch(ApiCredentials credentials) {
        CdpKey key = key(credentials);
        BalanceSheet sheet = new BalanceSheet();
        Set<String> cursors = new HashSet<>();
        String query = "limit=" + PAGE_SIZE;
        for (int page = 0; page < MAX_PAGES; page++) {
            String pageQuery = query;
            AccountsPage read = AccountsPage.read(signedGet(key, ACCOUNTS, pageQuery), sheet);
            if (!read.hasNext()) {
                return AccountSnapshot.complete(sheet.toList());
            }
            if (read.cursor().isEmpty() || !cursors.add(read.cursor())) {
                throw new ExchangeUnavailable("Coinbase sent a page cursor that goes nowhere; the sync will retry later.");
            }
            query = "limit=" + PAGE_SIZE + "&cursor=" + URLEncoder.encode(read.cursor(), StandardCharsets.UTF_8);
        }
        throw new ExchangeUnavailable("Coinbase listed more than " + MAX_PAGES + " pages of accounts; the sync will retry later.");
    }

    /** {@code can_view}, {@code can_trade}, {@code can_transfer}: a transfer permission counts as withdrawal. */
    @Override
    public KeyPermissions checkPermissions(ApiCredentials credentials) {
        CdpKey key = key(credentials);
        JsonNode body = signedGet(key, KEY_PERMISSIONS, "");
        JsonNode view = body.path("can_view");
        JsonNode trade = body.path("can_trade");
        JsonNode transfer = body.path("can_transfer");
        if (!view.isBoolean() || !trade.isBoolean() || !transfer.isBoolean()) {
            throw new ExchangeUnavailable("Coinbase sent no permissions for this key; try again later.");
        }
        return KeyPermissions.verified(view.booleanValue(), trade.booleanValue(), transfer.booleanValue());
    }

    /** Budgeted per key name; the token is made on Coinbase's clock, in seconds. */
    private JsonNode signedGet(CdpKey key, String path, String query) {
        return signed(key.name(), () -> client.get(path, query, key, now() / 1000));
    }

    /** Stored keys were checked when connected; one that no longer reads is the user's to replace. */
    private static CdpKey key(ApiCredentials credentials) {
        try {
            return CdpKey.of(credentials);
        } catch (KeyFormatRejected e) {
            throw new CredentialsRejected(CredentialsRejected.Reason.BAD_SIGNATURE, "Coinbase API key is not in the format"
                    + " Coinbase issues: connect the CDP key again with its key name and private key exactly as shown.");
        }
    }

    /** {@code {"iso":"...","epochSeconds":"1700000000","epochMillis":"1700000000123"}}. */
    @Override
    protected long serverTime() {
        JsonNode body = client.getPublic(TIME);
        JsonNode millis = body.path("epochMillis");
        try {
            if (!millis.isMissingNode()) {
                return Long.parseLong(millis.asText());
            }
            return Long.parseLong(body.path("epochSeconds").asText()) * 1000;
        } catch (NumberFormatException e) {
            throw new ExchangeUnavailable("Coinbase sent no server time.");
        }
    }
}
