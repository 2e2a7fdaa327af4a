package io.coinsphere.exchangesync.exchange.kucoin;

import io.coinsphere.exchangesync.exchange.AccountSnapshot;
import io.coinsphere.exchangesync.exchange.ApiCredentials;
import io.coinsphere.exchangesync.exchange.BalanceSheet;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangeUnavailable;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.exchange.KeyPermissions;
import io.coinsphere.exchangesync.exchange.UnknownAssets;
import io.coinsphere.exchangesync.exchange.Wallet;
import io.coinsphere.exchangesync.exchange.XChangeSupport;
import io.coinsphere.exchangesync.exchange.guard.ExchangeGuards;
import io.coinsphere.exchangesync.exchange.http.SignedAdapter;
import io.coinsphere.exchangesync.exchange.signing.KucoinSignature;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.knowm.xchange.kucoin.KucoinExchange;
import org.knowm.xchange.kucoin.dto.response.AccountBalancesResponse;
import org.knowm.xchange.kucoin.dto.response.KucoinResponse;
import org.knowm.xchange.kucoin.service.KucoinDigest;
import org.springframework.stereotype.Component;
import si.mazi.rescu.ParamsDigest;

/**
 * KuCoin balances: one unfiltered account list, merged per currency over the funding ("main") and
 * spot ("trade", "trade_hf") accounts, kept apart as wallets. total = balance, locked = holds.
 */
@Component
public class KucoinAdapter extends SignedAdapter {

    /** Version 2 and 3 keys both authenticate the same way; version 2 is accepted for both. */
    static final String KEY_VERSION = "2";

    /**
     * Margin accounts are left out: their balances include borrowed funds, so adding them would
     * overstate what the user owns.
     */
    private static final Map<String, Wallet> HOLDING_ACCOUNT_TYPES =
            Map.of("main", Wallet.FUNDING, "trade", Wallet.SPOT, "trade_hf", Wallet.SPOT);
    /** KuCoin permission names that allow moving funds out; anything but "General" allows trading. */
    private static final Set<String> WITHDRAW_PERMISSIONS = Set.of("withdrawal", "transfer", "innertransfer");

    private final KucoinAccountsApi api;

    public KucoinAdapter(ExchangesProperties properties, ExchangeGuards guards) {
        super(ExchangeId.KUCOIN, properties, guards);
        this.api = XChangeSupport.restProxy(KucoinAccountsApi.class,
                XChangeSupport.specification(KucoinExchange.class, ExchangeId.KUCOIN, properties));
    }

    @Override
    public AccountSnapshot fetch(ApiCredentials credentials) {
        KucoinResponse<List<AccountBalancesResponse>> response = signed(credentials,
                (signer, timestamp, passphrase) -> api.accounts(credentials.apiKey(), signer, timestamp, passphrase, KEY_VERSION));
        BalanceSheet sheet = new BalanceSheet();
        List<AccountBalancesResponse> accounts = data(response);
        if (accounts != null) {
            for (AccountBalancesResponse account : accounts) {
                String type = account.getType() == null ? "" : account.getType().toLowerCase(Locale.ROOT);
                Wallet wallet = HOLDING_ACCOUNT_TYPES.get(type);
                if (wallet != null) {
                    sheet.add(wallet, UnknownAssets.check(ExchangeId.KUCOIN, account.getCurrency()),
                            account.getBalance(), account.getAvailable(), account.getHolds());
                }
            }
        }
        return AccountSnapshot.complete(sheet.toList());
    }

    @Override
    public KeyPermissions checkPermissions(ApiCredentials credentials) {
        KucoinAccountsApi.ApiKeyInfo info = data(signed(credentials,
                (signer, timestamp, passphrase) -> api.apiKey(credentials.apiKey(), signer, timestamp, passphrase, KEY_VERSION)));
        if (info == null || info.permission() == null) {
            throw new ExchangeUnavailable("KuCoin sent no permissions for this key; try again later.");
        }
        Set<String> names = Arrays.stream(info.permission().split(","))
                .map(p -> p.trim().toLowerCase(Locale.ROOT)).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
        boolean withdraw = names.stream().anyMatch(WITHDRAW_PERMISSIONS::contains);
        boolean trade = names.stream().anyMatch(p -> !p.equals("general") && !WITHDRAW_PERMISSIONS.contains(p));
        return KeyPermissions.verified(names.contains("general"), trade, withdraw);
    }

    @FunctionalInterface
    private interface SignedCall<T> {
        T call(ParamsDigest signer, long timestamp, String signedPassphrase) throws Exception;
    }

    /** One signed request on KuCoin's clock, budgeted, retried once on 400002. */
    private <T> KucoinResponse<T> signed(ApiCredentials credentials, SignedCall<KucoinResponse<T>> call) {
        String passphrase = XChangeSupport.requirePassphrase(ExchangeId.KUCOIN, credentials);
        ParamsDigest signer = XChangeSupport.signer(ExchangeId.KUCOIN, () -> KucoinDigest.createInstance(credentials.apiSecret()));
        String signedPassphrase = KucoinSignature.passphrase(credentials.apiSecret(), passphrase);
        return signed(credentials.apiKey(), () -> {
            KucoinResponse<T> response;
            try {
                response = call.call(signer, now(), signedPassphrase);
            } catch (Exception e) {
                throw KucoinErrors.translate(e);
            }
            if (response == null) {
                throw new ExchangeUnavailable("KuCoin sent an empty answer; the sync will retry later.");
            }
            if (!response.isSuccessful()) {
                throw KucoinErrors.fromUnsuccessfulBody(response.getCode(), response.getMsg());
            }
            return response;
        });
    }

    private static <T> T data(KucoinResponse<T> response) {
        return response.getData();
    }

    @Override
    protected long serverTime() {
        try {
            KucoinResponse<Long> response = api.timestamp();
            if (response == null || response.getData() == null) {
                throw new ExchangeUnavailable("KuCoin sent no server time.");
            }
            return response.getData();
        } catch (Exception e) {
            throw KucoinErrors.translate(e);
        }
    }
}
