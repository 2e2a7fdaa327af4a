package io.coinsphere.exchangesync.exchange;

import java.net.URI;
import java.util.function.Supplier;
import org.knowm.xchange.Exchange;
import org.knowm.xchange.ExchangeSpecification;
import org.knowm.xchange.client.ExchangeRestProxyBuilder;
import si.mazi.rescu.ParamsDigest;

/**
 * Builds XChange's REST proxies once per exchange base URL. Credentials are not part of the proxy:
 * each call passes the API key and a fresh signer, so one proxy serves every account and no secret
 * stays in memory after the call (no per-credential cache to bound, evict or leak).
 */
public final class XChangeSupport {

    private XChangeSupport() {
    }

    /**
     * The specification the proxy is built from: our base URL and timeouts, and no remote init
     * (XChange's metadata calls need extra permissions and cost several requests per account).
     */
    public static ExchangeSpecification specification(
            Class<? extends Exchange> exchangeClass, ExchangeId id, ExchangesProperties properties) {
        ExchangeSpecification spec = new ExchangeSpecification(exchangeClass);
        URI baseUrl = properties.endpoint(id).baseUrl();
        spec.setSslUri(withoutTrailingSlash(baseUrl.toString()));
        spec.setHost(baseUrl.getHost());
        spec.setShouldLoadRemoteMetaData(false);
        spec.setHttpConnTimeout(Math.toIntExact(properties.connectTimeout().toMillis()));
        spec.setHttpReadTimeout(Math.toIntExact(properties.readTimeout().toMillis()));
        return spec;
    }

    /** A thread-safe rescu proxy for {@code api} at the specification's base URL and timeouts. */
    public static <T> T restProxy(Class<T> api, ExchangeSpecification spec) {
        return ExchangeRestProxyBuilder.forInterface(api, spec).build();
    }

    /**
     * Creates a per-call signer. XChange's digests hold a {@code Mac}, which is not thread-safe, so
     * one is made per call (cheap: docs/benchmarks.md). A secret that is not even a valid key (e.g. not base64
     * where the exchange issues base64) is the user's to fix, not a transient failure.
     */
    public static ParamsDigest signer(ExchangeId id, Supplier<? extends ParamsDigest> factory) {
        try {
            ParamsDigest digest = factory.get();
            if (digest == null) {
                throw new IllegalArgumentException("empty secret");
            }
            return digest;
        } catch (IllegalArgumentException e) {
            // SECURITY: the cause message may quote part of the secret; it is not attached.
            throw new CredentialsRejected(CredentialsRejected.Reason.BAD_SIGNATURE,
                    id.displayName() + " API secret is not in the format " + id.displayName()
                            + " issues: paste the secret again exactly as shown when the key was created.");
        }
    }

    /** Fails fast when an exchange that needs a passphrase gets none, instead of a confusing 401. */
    public static String requirePassphrase(ExchangeId id, ApiCredentials credentials) {
        String passphrase = credentials.passphrase();
        if (passphrase == null || passphrase.isEmpty()) {
            throw new CredentialsRejected(CredentialsRejected.Reason.BAD_PASSPHRASE,
                    id.displayName() + " needs the API passphrase chosen when the key was created: add it to the connection.");
        }
        return passphrase;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
