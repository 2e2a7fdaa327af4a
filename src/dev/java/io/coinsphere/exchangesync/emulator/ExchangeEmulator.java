package io.coinsphere.exchangesync.emulator;

import com.sun.net.httpserver.HttpServer;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Emulates the REST APIs of Binance, Kraken, Coinbase Exchange, KuCoin and Coinbase Advanced Trade on
 * 127.0.0.1, one port per exchange so that paths and signed paths are exactly the real ones. It is as strict as the real
 * exchanges about signatures, timestamps, nonces, passphrases and key versions, and can script failures.
 *
 * <pre>{@code
 * try (ExchangeEmulator emu = ExchangeEmulator.start()) {
 *     EmulatedAccount acc = emu.addAccount(ExchangeId.KRAKEN);          // random, realistic credentials
 *     acc.setBalance("XXBT", new BigDecimal("1.5"), new BigDecimal("0.25"));
 *     emu.failNext(ExchangeId.KRAKEN, acc.apiKey(), 1, Failure.serverError(503));
 *     URI base = emu.baseUrl(ExchangeId.KRAKEN);                          // http://127.0.0.1:<port>
 * }
 * }</pre>
 *
 * Tests share one emulator and run in parallel, so prefer the per-key forms of {@code failNext},
 * {@code failAlways}, {@code clearFailures} and {@code requestCount}. All methods are thread-safe.
 *
 * <p>Served: Binance {@code GET /api/v3/account|time|exchangeInfo}, {@code GET /sapi/v1/asset/assetDetail},
 * {@code GET /sapi/v1/account/apiRestrictions}, {@code POST /sapi/v1/asset/get-funding-asset},
 * {@code GET /sapi/v1/simple-earn/flexible/position|locked/position}; Kraken
 * {@code POST /0/private/Balance|BalanceEx|TradeBalance}, {@code GET /0/public/Time|Assets|AssetPairs};
 * Coinbase {@code GET /accounts|time|products|currencies}; KuCoin {@code GET /api/v1/accounts|timestamp},
 * {@code GET /api/v1/user/api-key}; Coinbase Advanced Trade {@code GET /api/v3/brokerage/accounts|key_permissions|time}
 * (see {@link CdpKeyMaterial} for its keys); Bitstamp {@code POST /api/v2/account_balances/}, {@code GET /api/v2/ticker/{pair}/};
 * Gemini {@code POST /v1/balances|balances/staking|roles}, {@code GET /v1/pubticker/{symbol}}; public tickers (see
 * {@link EmulatedMarket}): Binance {@code GET /api/v3/ticker/price}, Kraken {@code GET /0/public/Ticker}, KuCoin
 * {@code GET /api/v1/market/allTickers}, Coinbase {@code GET /products/<id>/ticker}, OKX {@code GET /api/v5/market/tickers}.
 * Response header names arrive case-normalised by the JDK server
 * ({@code Retry-after}, {@code X-mbx-used-weight-1m}): clients must look headers up case-insensitively,
 * as they must with the real exchanges, whose CDNs and HTTP/2 send lower-case names.
 */
public final class ExchangeEmulator implements AutoCloseable {

    /** Enough threads that injected latency and held "timeouts" do not serialise other requests. */
    private static final int THREADS = 64;

    private final Map<ExchangeId, EmulatorHandler> handlers = new EnumMap<>(ExchangeId.class);
    private final Map<ExchangeId, HttpServer> servers = new EnumMap<>(ExchangeId.class);
    private final ExecutorService executor;
    private final EmulatedMarket market = new EmulatedMarket();

    private ExchangeEmulator() {
        AtomicInteger threadNumber = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "exchange-emulator-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.executor = pool;
        for (ExchangeId id : ExchangeId.values()) {
            handlers.put(id, profile(id));
        }
        handlers.values().forEach(handler -> handler.useMarket(market));
    }

    /** Each exchange's profile: the one place a new exchange's emulator is added (the switch must cover them all). */
    private static EmulatorHandler profile(ExchangeId id) {
        return switch (id) {
            case BINANCE -> new BinanceEmulator();
            case COINBASE -> new CoinbaseEmulator();
            case KRAKEN -> new KrakenEmulator();
            case KUCOIN -> new KucoinEmulator();
            case COINBASE_ADVANCED -> new CoinbaseAdvancedEmulator();
            case OKX -> new OkxEmulator();
            case BYBIT -> new BybitEmulator();
            case BITSTAMP -> new BitstampEmulator();
            case GEMINI -> new GeminiEmulator();
        };
    }

    /** Starts every exchange on a free port. */
    public static ExchangeEmulator start() {
        return start(Map.of());
    }

    /** Starts every exchange; an exchange missing from {@code ports} (or mapped to 0) gets a free port. */
    public static ExchangeEmulator start(Map<ExchangeId, Integer> ports) {
        // Without TCP_NODELAY the JDK server waits ~40 ms on delayed ACKs before each answer; the
        // flag is read once, when the first server of the JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        ExchangeEmulator emulator = new ExchangeEmulator();
        try {
            for (ExchangeId id : ExchangeId.values()) {
                emulator.listen(id, ports.getOrDefault(id, 0));
            }
        } catch (IOException e) {
            emulator.close();
            throw new UncheckedIOException("cannot start the exchange emulator", e);
        }
        return emulator;
    }

    private void listen(ExchangeId id, int port) throws IOException {
        // SECURITY: loopback only; the emulator accepts any key registered with it and must not be reachable.
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", handlers.get(id));
        server.setExecutor(executor);
        server.start();
        servers.put(id, server);
    }

    /** {@code http://127.0.0.1:<port>}, the exchange's base URL without a trailing slash. */
    public URI baseUrl(ExchangeId exchange) {
        return URI.create("http://127.0.0.1:" + port(exchange));
    }

    public int port(ExchangeId exchange) {
        return servers.get(exchange).getAddress().getPort();
    }

    /** The exchanges' public tickers: drifting prices, pairs that can be pinned or delisted. */
    public EmulatedMarket market() {
        return market;
    }

    /**
     * Registers an API key. The exchange's own rules apply: Binance keys are 64 letters and digits,
     * Kraken and Coinbase secrets are base64, Coinbase and KuCoin need a passphrase (null otherwise),
     * Coinbase Advanced Trade takes a CDP key name and its private key (ECDSA with its public key, or Ed25519).
     *
     * @throws IllegalArgumentException if the credentials break the exchange's format rules
     * @throws IllegalStateException    if the key is already registered
     */
    public EmulatedAccount addAccount(ExchangeId exchange, String apiKey, String apiSecret, String passphrase) {
        return handler(exchange).addAccount(apiKey, apiSecret, passphrase);
    }

    /** Registers an account with fresh random credentials in the exchange's real formats. */
    public EmulatedAccount addAccount(ExchangeId exchange) {
        RandomCredentials credentials = handler(exchange).randomCredentials();
        return addAccount(exchange, credentials.apiKey(), credentials.apiSecret(), credentials.passphrase());
    }

    public Optional<EmulatedAccount> account(ExchangeId exchange, String apiKey) {
        return handler(exchange).account(apiKey);
    }

    /** Deletes the key, as when a user revokes it: later requests get the exchange's "unknown key" error. */
    public void removeAccount(ExchangeId exchange, String apiKey) {
        handler(exchange).removeAccount(apiKey);
    }

    /** The next {@code times} requests made with {@code apiKey} fail. */
    public void failNext(ExchangeId exchange, String apiKey, int times, Failure failure) {
        handler(exchange).failures().failNext(requireKey(apiKey), times, failure);
    }

    /** The next {@code times} requests to the exchange fail, whatever key (or none) they carry. */
    public void failNext(ExchangeId exchange, int times, Failure failure) {
        handler(exchange).failures().failNext(null, times, failure);
    }

    /** Every request made with {@code apiKey} fails until {@link #clearFailures(ExchangeId, String)}. */
    public void failAlways(ExchangeId exchange, String apiKey, Failure failure) {
        handler(exchange).failures().failAlways(requireKey(apiKey), failure);
    }

    /** Every request to the exchange fails until {@link #clearFailures()}. */
    public void failAlways(ExchangeId exchange, Failure failure) {
        handler(exchange).failures().failAlways(null, failure);
    }

    /**
     * Every request to {@code path} (e.g. {@code /sapi/v1/simple-earn/locked/position}) fails, whatever
     * its key, until called again with a null failure; for failing one wallet of an account.
     */
    public void failPath(ExchangeId exchange, String path, Failure failure) {
        handler(exchange).failPath(path, failure);
    }

    /** Removes the failures scripted for one key. */
    public void clearFailures(ExchangeId exchange, String apiKey) {
        handler(exchange).failures().clear(requireKey(apiKey));
    }

    /** Removes every scripted failure on every exchange. */
    public void clearFailures() {
        handlers.values().forEach(handler -> handler.failures().clearAll());
    }

    /** Delays every answer of the exchange by {@code latency}. */
    public void setLatency(ExchangeId exchange, Duration latency) {
        handler(exchange).setLatency(latency);
    }

    /** Sets the exchange's clock to ours plus {@code skew}: a negative skew makes our timestamps look early. */
    public void setClockSkew(ExchangeId exchange, Duration skew) {
        handler(exchange).setClockSkew(skew);
    }

    /**
     * Sets the exchange's rate limit to {@code limit} per {@code window}, counted as the exchange
     * counts: Binance request weight per IP in fixed windows; KuCoin requests per key in fixed windows;
     * Kraken and both Coinbase APIs a per-key counter of at most {@code limit} that drains {@code limit} per
     * {@code window}. The defaults are the real ones (6000/min, 2000/30 s, 15 per 45 s, 30 per 2 s, 30 per 1 s).
     */
    public void setRateLimit(ExchangeId exchange, long limit, Duration window) {
        EmulatorHandler handler = handler(exchange);
        handler.setRateLimit(new EmulatedLimit.Rule(handler.limitKind(), limit, window));
    }

    /** Puts the exchange's documented rate limit back (the one its profile starts with). */
    public void restoreRateLimit(ExchangeId exchange) {
        handler(exchange).restoreRateLimit();
    }

    /** Turns the exchange's rate limit off (for tests that measure something else). */
    public void disableRateLimit(ExchangeId exchange) {
        handler(exchange).setRateLimit(null);
    }

    /** Requests refused for going over the rate limit (429, Kraken's rate-limit error), bans excluded. */
    public long rateLimitRejections(ExchangeId exchange) {
        return handler(exchange).rateLimitRejections();
    }

    /** Binance: bans our IP for {@code duration}; every request gets 418 with Retry-After. */
    public void banIp(Duration duration) {
        ((BinanceEmulator) handler(ExchangeId.BINANCE)).ban(duration);
    }

    /**
     * Bybit: replaces its limit per address (600 requests per 5 s, public ones included); over it every request
     * gets 403 "access too frequent", as a blocked address does. Counted in {@link #rateLimitRejections}.
     */
    public void setBybitAddressLimit(long limit, Duration window) {
        ((BybitEmulator) handler(ExchangeId.BYBIT)).setAddressLimit(limit, window);
    }

    /**
     * Makes the public server-time endpoint report the exchange's time plus {@code error}, as a
     * cached or broken time endpoint would: with a clock skew, the client's correction then fails.
     */
    public void setReportedTimeError(ExchangeId exchange, Duration error) {
        handler(exchange).setReportedTimeError(error);
    }

    /** Requests received by the exchange since start or {@link #resetCounters()}, failed ones included. */
    public long requestCount(ExchangeId exchange) {
        return handler(exchange).requestCount();
    }

    /** Requests received that carried {@code apiKey}, failed ones included. */
    public long requestCount(ExchangeId exchange, String apiKey) {
        return handler(exchange).requestCount(apiKey);
    }

    public void resetCounters() {
        handlers.values().forEach(EmulatorHandler::resetCounters);
    }

    /** Stops the servers at once; requests held by latency or timeouts are interrupted and dropped. */
    @Override
    public void close() {
        servers.values().forEach(server -> server.stop(0));
        executor.shutdownNow();
    }

    private EmulatorHandler handler(ExchangeId exchange) {
        return handlers.get(Objects.requireNonNull(exchange, "exchange"));
    }

    private static String requireKey(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            throw new IllegalArgumentException("apiKey must not be empty");
        }
        return apiKey;
    }
}
