package io.coinsphere.exchangesync.exchange.coinbase;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.math.BigDecimal;

/** Coinbase Exchange's public {@code GET /time}: {@code {"iso":"...","epoch":1700000000.123}}. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public interface CoinbaseTimeApi {

    @GET
    @Path("time")
    ServerTime time() throws IOException;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ServerTime(String iso, BigDecimal epoch) {
    }
}
