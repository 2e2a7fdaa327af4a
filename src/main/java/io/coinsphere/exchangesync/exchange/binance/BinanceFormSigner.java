package io.coinsphere.exchangesync.exchange.binance;

import io.coinsphere.exchangesync.exchange.signing.BinanceSignature;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.QueryParam;
import si.mazi.rescu.Params;
import si.mazi.rescu.ParamsDigest;
import si.mazi.rescu.RestInvocation;

/**
 * Binance's signature over a request's total parameters (query string, then form body), without
 * the signature itself. XChange's signer signs only the raw body of a POST, which rescu renders
 * with the not-yet-computed signature in it, so it cannot sign a form POST.
 */
final class BinanceFormSigner implements ParamsDigest {

    private final String secret;

    BinanceFormSigner(String secret) {
        this.secret = secret;
    }

    @Override
    public String digestParams(RestInvocation invocation) {
        return BinanceSignature.sign(secret, unsigned(invocation, QueryParam.class) + unsigned(invocation, FormParam.class));
    }

    private static String unsigned(RestInvocation invocation, Class<?> kind) {
        Params all = invocation.getParamsMap().get(kind);
        if (all == null) {
            return "";
        }
        Params params = Params.of();
        all.asHttpHeaders().forEach((name, value) -> {
            if (!"signature".equals(name)) {
                params.add(name, value);
            }
        });
        return params.asQueryString();
    }
}
