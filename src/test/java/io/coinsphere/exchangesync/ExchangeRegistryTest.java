package io.coinsphere.exchangesync;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.demo.DemoAccounts;
import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.exchange.ExchangesProperties.Budget;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every exchange of the registry ({@link ExchangeId}) has what the service and its tools need: an emulator
 * profile that serves it, a demo account, a complete default budget and its section in docs/exchanges.md.
 * (A missing adapter stops {@code ExchangeAdapters} at start-up; see ExchangeAdaptersTest.)
 */
class ExchangeRegistryTest {

    private static ExchangeEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = ExchangeEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @ParameterizedTest
    @EnumSource(ExchangeId.class)
    void hasAnEmulatorProfileThatServesIt(ExchangeId id) throws IOException, InterruptedException {
        EmulatedAccount account = emulator.addAccount(id);
        assertThat(account.exchange()).isEqualTo(id);
        assertThat(account.passphrase() != null).as("passphrase as the registry says").isEqualTo(id.requiresPassphrase());
        long before = emulator.requestCount(id);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(emulator.baseUrl(id).resolve("/no-such-path")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("the profile answers, not the emulator's error page").isLessThan(500);
        assertThat(emulator.requestCount(id)).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @EnumSource(ExchangeId.class)
    void hasADemoAccount(ExchangeId id) {
        List<DemoAccounts.Demo> demos = DemoAccounts.ALL.stream().filter(d -> d.exchange() == id).toList();
        assertThat(demos).as("demo accounts of " + id).hasSize(1);
        assertThat(demos.get(0).balances()).isNotEmpty();
        assertThat(demos.get(0).passphrase() != null).isEqualTo(id.requiresPassphrase());
    }

    @ParameterizedTest
    @EnumSource(ExchangeId.class)
    void hasACompleteBudgetAndABaseUrl(ExchangeId id) {
        Budget budget = id.defaultBudget();
        assertThat(budget.capacity()).isPositive();
        assertThat(budget.refill()).isPositive();
        assertThat(budget.period()).isPositive();
        assertThat(budget.perKey()).as("where " + id + " counts its limit").isNotNull();
        assertThat(id.defaultBaseUrl().getScheme()).isEqualTo("https");
        assertThat(ExchangeId.fromId(id.id())).contains(id);
    }

    @ParameterizedTest
    @EnumSource(ExchangeId.class)
    void hasItsSectionInTheExchangeDocs(ExchangeId id) throws IOException {
        List<String> headings = Files.readAllLines(Path.of("docs/exchanges.md")).stream()
                .filter(line -> line.startsWith("### ")).toList();
        assertThat(headings).as("docs/exchanges.md section for " + id)
                .anyMatch(line -> line.endsWith("(`" + id.id() + "`)"));
    }
}
