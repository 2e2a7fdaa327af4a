package io.coinsphere.exchangesync.emulator;

import static io.coinsphere.exchangesync.emulator.SignedRequests.json;
import static io.coinsphere.exchangesync.emulator.SignedRequests.krakenPost;
import static io.coinsphere.exchangesync.emulator.SignedRequests.nonce;
import static io.coinsphere.exchangesync.emulator.SignedRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KrakenEmulatorTest extends EmulatorTestBase {

    /** A valid base64 secret that belongs to no emulated key: signing with it is signing with the wrong secret. */
    static final String OTHER_SECRET =
            "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";

    static URI base;
    EmulatedAccount account;

    @BeforeAll
    static void start() {
        base = emu.baseUrl(ExchangeId.KRAKEN);
    }

    @BeforeEach
    void newAccount() {
        account = emu.addAccount(ExchangeId.KRAKEN)
                .setBalance("XXBT", new BigDecimal("1.5000000001"), new BigDecimal("0.25"))
                .setBalance("ZUSD", new BigDecimal("100.5"), BigDecimal.ZERO)
                .setBalance("DOT.S", new BigDecimal("10"), BigDecimal.ZERO);
    }

    @Test
    void balanceReturnsTotalsInKrakenCodes() {
        HttpResponse<String> response = send(post("/0/private/Balance", nonce()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"error\":[],\"result\":{\"DOT.S\":\"10\",\"XXBT\":\"1.7500000001\",\"ZUSD\":\"100.5\"}}");
    }

    @Test
    void balanceExSplitsOffTheHold() {
        JsonNode xbt = json(send(post("/0/private/BalanceEx", nonce()))).get("result").get("XXBT");

        assertThat(xbt.get("balance").textValue()).isEqualTo("1.7500000001");
        assertThat(xbt.get("hold_trade").textValue()).isEqualTo("0.25");
    }

    @Test
    void aNonceMustExceedTheLastAcceptedOne() {
        long nonce = nonce();
        assertThat(errors(send(post("/0/private/Balance", nonce)))).isEmpty();

        assertThat(errors(send(post("/0/private/Balance", nonce)))).containsExactly("EAPI:Invalid nonce");
        assertThat(errors(send(post("/0/private/Balance", nonce - 1)))).containsExactly("EAPI:Invalid nonce");
        assertThat(errors(send(post("/0/private/Balance", nonce())))).isEmpty();
    }

    @Test
    void aBadlySignedRequestDoesNotBurnTheNonce() {
        long later = nonce() + 1_000;
        HttpResponse<String> forged = send(krakenPost(base, "/0/private/Balance", account.apiKey(),
                OTHER_SECRET, later, ""));

        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(errors(forged)).containsExactly("EAPI:Invalid signature");
        assertThat(errors(send(post("/0/private/Balance", nonce())))).isEmpty();
    }

    @Test
    void rejectsAnUnknownKey() {
        assertThat(errors(send(krakenPost(base, "/0/private/Balance", "unknown", account.apiSecret(), nonce(), ""))))
                .containsExactly("EAPI:Invalid key");
    }

    @Test
    void tradeBalanceNeedsTheTradeQueryPermission() {
        assertThat(json(send(post("/0/private/TradeBalance", nonce()))).get("result").get("eb").textValue())
                .isEqualTo("100.5");

        account.revoke(Permission.QUERY_TRADES);

        assertThat(errors(send(post("/0/private/TradeBalance", nonce())))).containsExactly("EGeneral:Permission denied");
        assertThat(errors(send(post("/0/private/Balance", nonce())))).isEmpty();
    }

    @Test
    void servesPublicEndpointsAndUnknownMethods() {
        assertThat(json(send(HttpRequest.newBuilder(base.resolve("/0/public/Time")).build()))
                .get("result").get("unixtime").longValue()).isCloseTo(System.currentTimeMillis() / 1000, offset(5L));
        assertThat(json(send(HttpRequest.newBuilder(base.resolve("/0/public/Assets")).build()))
                .get("result").get("XXBT").get("altname").textValue()).isEqualTo("XBT");
        assertThat(json(send(HttpRequest.newBuilder(base.resolve("/0/public/AssetPairs")).build()))
                .get("result").has("XXBTZUSD")).isTrue();
        HttpResponse<String> unknown = send(post("/0/private/Nothing", nonce()));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(errors(unknown)).containsExactly("EGeneral:Unknown method");
    }

    @Test
    void krakenHasNoFundingWalletAndNeedsBase64Secrets() {
        assertThatThrownBy(() -> account.setBalance(Wallet.FUNDING, "XXBT", BigDecimal.ONE, BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emu.addAccount(ExchangeId.KRAKEN, "key", "not base64!", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private HttpRequest post(String path, long nonce) {
        return krakenPost(base, path, account.apiKey(), account.apiSecret(), nonce, "");
    }

    private static List<String> errors(HttpResponse<String> response) {
        List<String> errors = new ArrayList<>();
        json(response).get("error").forEach(e -> errors.add(e.textValue()));
        return errors;
    }
}
