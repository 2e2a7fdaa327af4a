package io.coinsphere.exchangesync.exchange.kucoin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.List;
import org.knowm.xchange.kucoin.dto.response.AccountBalancesResponse;
import org.knowm.xchange.kucoin.dto.response.KucoinResponse;
import si.mazi.rescu.ParamsDigest;

/**
 * KuCoin's account list, key info and server time, with the v2 authentication headers XChange 5.2.2
 * lacks. Reuses XChange's response DTOs and request signer ({@code KucoinDigest}, which reads the
 * timestamp header).
 */
@Path("api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface KucoinAccountsApi {

    /** All accounts of every type (main, trade, margin ...), one line per currency and type. */
    @GET
    @Path("accounts")
    KucoinResponse<List<AccountBalancesResponse>> accounts(
            @HeaderParam("KC-API-KEY") String apiKey,
            @HeaderParam("KC-API-SIGN") ParamsDigest signature,
            @HeaderParam("KC-API-TIMESTAMP") long timestampMillis,
            @HeaderParam("KC-API-PASSPHRASE") String signedPassphrase,
            @HeaderParam("KC-API-KEY-VERSION") String keyVersion) throws IOException;

    /** The key's own record: its comma-separated permissions ("General" alone is read-only). */
    @GET
    @Path("user/api-key")
    KucoinResponse<ApiKeyInfo> apiKey(
            @HeaderParam("KC-API-KEY") String apiKey,
            @HeaderParam("KC-API-SIGN") ParamsDigest signature,
            @HeaderParam("KC-API-TIMESTAMP") long timestampMillis,
            @HeaderParam("KC-API-PASSPHRASE") String signedPassphrase,
            @HeaderParam("KC-API-KEY-VERSION") String keyVersion) throws IOException;

    /** Server time in milliseconds; public. */
    @GET
    @Path("timestamp")
    KucoinResponse<Long> timestamp() throws IOException;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ApiKeyInfo(String permission, String ipWhitelist, Integer apiVersion) {
    }
}
