package io.coinsphere.exchangesync.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What all emulated exchanges share: accounts, scripted failures, latency, clock skew and request
 * counts. Subclasses only route requests and speak their exchange's dialect.
 */
abstract class EmulatorHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorHandler.class);

    private final ExchangeId exchange;
    private final String apiKeyHeader;
    private final Set<Wallet> wallets;
    private final EmulatedLimit.Kind limitKind;
    private final Map<String, EmulatedAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> requestsByKey = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    private final AtomicLong clockSkewMillis = new AtomicLong();
    private final AtomicLong reportedTimeErrorMillis = new AtomicLong();
    private final FailureScript failures = new FailureScript();
    private final Map<String, EmulatedLimit> limits = new ConcurrentHashMap<>();
    private final Map<String, Failure> pathFailures = new ConcurrentHashMap<>();
    private final LongAdder rateLimitRejections = new LongAdder();
    private volatile Duration latency = Duration.ZERO;
    private volatile EmulatedLimit.Rule rateRule;
    /** The exchange's documented limit, which the profile starts with. */
    private final EmulatedLimit.Rule documentedRule;
    private volatile EmulatedMarket market = new EmulatedMarket();

    EmulatorHandler(ExchangeId exchange, String apiKeyHeader, Set<Wallet> wallets, EmulatedLimit.Rule rateRule) {
        this.exchange = exchange;
        this.apiKeyHeader = apiKeyHeader;
        this.wallets = wallets;
        this.rateRule = rateRule;
        this.documentedRule = rateRule;
        this.limitKind = rateRule.kind();
    }

    /** Answers a request that no scripted failure replaced; may throw {@link Reply.Rejected}. */
    abstract Reply route(EmulatedRequest request);

    /** The exchange's own 429 body. */
    abstract Object rateLimitBody();

    /** Fresh credentials in the exchange's real formats. */
    abstract RandomCredentials randomCredentials();

    /** Checks the exchange's own rules on a new key and secret (format, base64). */
    abstract void validateCredentials(String apiKey, String apiSecret, String passphrase);

    /**
     * The API key a request claims to carry, for counting and scripted failures (not yet verified): the
     * exchange's key header, or what an exchange that carries the key elsewhere (a JWT) finds there.
     */
    String apiKeyOf(EmulatedRequest request) {
        return request.header(apiKeyHeader);
    }

    /** Adds headers the exchange sends on every answer (rate-limit usage). */
    Reply decorate(EmulatedRequest request, Reply reply) {
        return reply;
    }

    @Override
    public final void handle(HttpExchange http) throws IOException {
        try {
            EmulatedRequest request = EmulatedRequest.read(http);
            String apiKey = apiKeyOf(request);
            count(apiKey);
            pause(latency);
            Optional<Failure> failure = failures.next(apiKey).or(() -> Optional.ofNullable(pathFailures.get(request.path())));
            if (failure.isPresent() && failure.get().kind() == Failure.Kind.TIMEOUT) {
                pause(failure.get().duration());
                return; // closing without response headers drops the connection, as a hung upstream does
            }
            Reply reply = failure.map(this::failureReply).orElseGet(() -> answer(request));
            send(http, decorate(request, reply));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the emulator is closing
        } catch (RuntimeException e) {
            LOG.warn("{} emulator failed on {}", exchange.id(), http.getRequestURI().getPath(), e);
            send(http, Reply.text(500, "text/plain", "emulator error: " + e));
        } finally {
            http.close();
        }
    }

    private Reply answer(EmulatedRequest request) {
        try {
            return route(request);
        } catch (Reply.Rejected rejected) {
            return rejected.reply();
        }
    }

    private Reply failureReply(Failure failure) {
        return switch (failure.kind()) {
            case SERVER_ERROR -> Reply.text(failure.status(), "text/html",
                    "<html><body><h1>" + failure.status() + " Service Unavailable</h1></body></html>");
            case MALFORMED_JSON -> Reply.text(200, Reply.JSON, "{\"result\":{\"BTC\":\"1.0");
            case RATE_LIMITED -> Reply.json(429, rateLimitBody())
                    .withHeader("Retry-After", Long.toString(ceilSeconds(failure.duration())));
            case TIMEOUT -> throw new IllegalStateException("timeouts send no reply");
        };
    }

    private static void send(HttpExchange http, Reply reply) throws IOException {
        if (reply.contentType() != null) {
            http.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        reply.headers().forEach(http.getResponseHeaders()::set);
        byte[] body = reply.body();
        http.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void count(String apiKey) {
        requests.increment();
        if (apiKey != null) {
            requestsByKey.computeIfAbsent(apiKey, k -> new LongAdder()).increment();
        }
    }

    private static void pause(Duration duration) throws InterruptedException {
        if (!duration.isZero()) {
            Thread.sleep(duration.toMillis());
        }
    }

    private static long ceilSeconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    // ---- state, used by ExchangeEmulator and the subclasses

    ExchangeId exchange() {
        return exchange;
    }

    /** The emulated exchange's clock: ours plus the scripted skew. */
    long nowMillis() {
        return System.currentTimeMillis() + clockSkewMillis.get();
    }

    /** What the public server-time endpoint reports: the exchange's clock plus any scripted error. */
    long reportedMillis() {
        return nowMillis() + reportedTimeErrorMillis.get();
    }

    void setReportedTimeError(Duration error) {
        reportedTimeErrorMillis.set(error.toMillis());
    }

    EmulatedAccount addAccount(String apiKey, String apiSecret, String passphrase) {
        if (exchange.requiresPassphrase() && (passphrase == null || passphrase.isEmpty())) {
            throw new IllegalArgumentException(exchange.displayName() + " keys need a passphrase");
        }
        validateCredentials(apiKey, apiSecret, passphrase);
        EmulatedAccount account = new EmulatedAccount(exchange, apiKey, apiSecret, passphrase, wallets);
        if (accounts.putIfAbsent(apiKey, account) != null) {
            throw new IllegalStateException(exchange.displayName() + " emulator already has this API key");
        }
        return account;
    }

    Optional<EmulatedAccount> account(String apiKey) {
        return apiKey == null ? Optional.empty() : Optional.ofNullable(accounts.get(apiKey));
    }

    void removeAccount(String apiKey) {
        accounts.remove(apiKey);
    }

    /** The public market data (tickers) this exchange serves; one market shared by the emulator's exchanges. */
    EmulatedMarket market() {
        return market;
    }

    void useMarket(EmulatedMarket market) {
        this.market = market;
    }

    FailureScript failures() {
        return failures;
    }

    void failPath(String path, Failure failure) {
        if (failure == null) {
            pathFailures.remove(path);
        } else {
            pathFailures.put(path, failure);
        }
    }

    void setLatency(Duration latency) {
        this.latency = latency.isNegative() ? Duration.ZERO : latency;
    }

    /** Replaces the exchange's rate limit (null: unlimited); usage counted so far is forgotten. */
    void setRateLimit(EmulatedLimit.Rule rule) {
        rateRule = rule;
        limits.clear();
    }

    void restoreRateLimit() {
        setRateLimit(documentedRule);
    }

    /**
     * Counts {@code cost} against the limit of {@code scope} (an IP or an API key); false, and one more
     * rejection counted, when the request would go over it.
     */
    boolean admit(String scope, long cost) {
        EmulatedLimit.Rule rule = rateRule;
        if (rule == null) {
            return true;
        }
        if (limits.computeIfAbsent(scope == null ? "" : scope, k -> new EmulatedLimit(rule)).tryAdd(nowMillis(), cost)) {
            return true;
        }
        rateLimitRejections.increment();
        return false;
    }

    /** Usage and time to reset of a scope's limit, for the exchanges' usage headers; null when unlimited. */
    EmulatedLimit limit(String scope) {
        EmulatedLimit.Rule rule = rateRule;
        return rule == null ? null : limits.computeIfAbsent(scope == null ? "" : scope, k -> new EmulatedLimit(rule));
    }

    /** How the exchange counts its limit (fixed windows or a decaying counter), whatever limit a test sets. */
    EmulatedLimit.Kind limitKind() {
        return limitKind;
    }

    /** Counts a refusal by a limit a profile keeps itself (Bybit's per address). */
    void countRateLimitRejection() {
        rateLimitRejections.increment();
    }

    EmulatedLimit.Rule rateRule() {
        return rateRule;
    }

    long rateLimitRejections() {
        return rateLimitRejections.sum();
    }

    void setClockSkew(Duration skew) {
        clockSkewMillis.set(skew.toMillis());
    }

    long requestCount() {
        return requests.sum();
    }

    long requestCount(String apiKey) {
        LongAdder adder = requestsByKey.get(apiKey);
        return adder == null ? 0 : adder.sum();
    }

    void resetCounters() {
        requests.reset();
        requestsByKey.clear();
        rateLimitRejections.reset();
    }

    static Reply.Rejected reject(Reply reply) {
        return new Reply.Rejected(reply);
    }
}
