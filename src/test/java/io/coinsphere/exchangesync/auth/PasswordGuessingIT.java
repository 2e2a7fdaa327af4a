package io.coinsphere.exchangesync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 50 wrong guesses at once, at the API login and by HTTP Basic: no more passwords are checked against their hash
 * than the per-account limit allows (coinsphere.rate-limit.account-login, 10 per 15 minutes by default), whatever
 * the address limits (huge in the test suite).
 */
class PasswordGuessingIT extends IntegrationTest {

    private static final int GUESSES = 50;
    private static final int ACCOUNT_LIMIT = 10;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    private PasswordHasher passwords;

    @Test
    void concurrentBasicGuessesCheckAtMostTheLimit() throws Exception {
        String email = register();
        String basic = "Basic " + Base64.getEncoder().encodeToString((email + ":wrong-password-guess")
                .getBytes(StandardCharsets.UTF_8));
        long before = passwords.checks();
        List<Integer> statuses = concurrently(i -> HttpRequest.newBuilder(uri("/actuator/jolokia/version"))
                .header("Authorization", basic).GET().build());
        assertThat(passwords.checks() - before).as("password checks").isLessThanOrEqualTo(ACCOUNT_LIMIT);
        assertThat(statuses).containsOnly(401);
    }

    @Test
    void concurrentLoginGuessesCheckAtMostTheLimitAndTheRightPasswordStillCounts() throws Exception {
        String email = register();
        long before = passwords.checks();
        List<Integer> statuses = concurrently(i -> HttpRequest.newBuilder(uri("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"guess-number-" + i + "\"}"))
                .build());
        assertThat(passwords.checks() - before).as("password checks").isLessThanOrEqualTo(ACCOUNT_LIMIT);
        assertThat(statuses).containsOnly(401, 429).contains(429);
    }

    @Test
    void rightPasswordsAreRefundedSoAnActiveUserIsNeverLockedOut() {
        String email = register();
        for (int i = 0; i < ACCOUNT_LIMIT * 2; i++) {
            ApiClient.Response login = anonymous().post("/api/v1/auth/login", ApiClient.json("email", email, "password", password(email)));
            assertThat(login.status()).as(login.raw()).isEqualTo(200);
        }
    }

    private String register() {
        String email = "guess-" + UUID.randomUUID() + "@example.com";
        ApiClient.Response response = anonymous().post("/api/v1/auth/register",
                ApiClient.json("email", email, "password", password(email)));
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return email;
    }

    private static String password(String email) {
        return "right-" + email.hashCode() + "-password";
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private List<Integer> concurrently(IntFunction<HttpRequest> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(GUESSES);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < GUESSES; i++) {
                HttpRequest built = request.apply(i);
                Callable<Integer> send = () -> {
                    start.await();
                    return HTTP.send(built, HttpResponse.BodyHandlers.discarding()).statusCode();
                };
                results.add(pool.submit(send));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
