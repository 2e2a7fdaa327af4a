package io.coinsphere.exchangesync.exchange.binance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.knowm.xchange.binance.dto.BinanceException;
import si.mazi.rescu.ParamsDigest;
import si.mazi.rescu.SynchronizedValueFactory;

/**
 * The Binance endpoints XChange 5.2.2 lacks: server time, funding wallet, Simple Earn positions and
 * the key's permissions. Signed like XChange's own calls ({@code BinanceHmacDigest} over query + body).
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public interface BinanceWalletApi {

    @GET
    @Path("api/v3/time")
    ServerTime time() throws IOException, BinanceException;

    /** Funding wallet, weight 1. A POST: XChange's signer signs the form body, so parameters go there. */
    @POST
    @Path("sapi/v1/asset/get-funding-asset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    List<FundingAsset> fundingAssets(
            @FormParam("timestamp") SynchronizedValueFactory<Long> timestamp,
            @HeaderParam("X-MBX-APIKEY") String apiKey,
            @FormParam("signature") ParamsDigest signature) throws IOException, BinanceException;

    /** Simple Earn flexible positions, one page; weight 150. */
    @GET
    @Path("sapi/v1/simple-earn/flexible/position")
    Page<FlexiblePosition> flexiblePositions(
            @QueryParam("current") int page,
            @QueryParam("size") int size,
            @QueryParam("timestamp") SynchronizedValueFactory<Long> timestamp,
            @HeaderParam("X-MBX-APIKEY") String apiKey,
            @QueryParam("signature") ParamsDigest signature) throws IOException, BinanceException;

    /** Simple Earn locked positions, one page; weight 150. */
    @GET
    @Path("sapi/v1/simple-earn/locked/position")
    Page<LockedPosition> lockedPositions(
            @QueryParam("current") int page,
            @QueryParam("size") int size,
            @QueryParam("timestamp") SynchronizedValueFactory<Long> timestamp,
            @HeaderParam("X-MBX-APIKEY") String apiKey,
            @QueryParam("signature") ParamsDigest signature) throws IOException, BinanceException;

    /** What the key may do; weight 1. */
    @GET
    @Path("sapi/v1/account/apiRestrictions")
    ApiRestrictions apiRestrictions(
            @QueryParam("timestamp") SynchronizedValueFactory<Long> timestamp,
            @HeaderParam("X-MBX-APIKEY") String apiKey,
            @QueryParam("signature") ParamsDigest signature) throws IOException, BinanceException;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ServerTime(long serverTime) {
    }

    /** All four amounts belong to the user: free, in orders, frozen, being withdrawn. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FundingAsset(String asset, BigDecimal free, BigDecimal locked, BigDecimal freeze, BigDecimal withdrawing) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page<T>(List<T> rows, long total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FlexiblePosition(String asset, BigDecimal totalAmount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LockedPosition(String asset, BigDecimal amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ApiRestrictions(boolean ipRestrict, boolean enableReading, boolean enableWithdrawals,
            boolean enableSpotAndMarginTrading, boolean enableMargin, boolean enableFutures,
            boolean enableVanillaOptions, boolean permitsUniversalTransfer, boolean enableInternalTransfer) {
    }
}
