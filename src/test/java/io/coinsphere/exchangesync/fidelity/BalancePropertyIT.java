package io.coinsphere.exchangesync.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.Wallet;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.support.ApiClient;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random balance sets (many assets, up to 18 decimals, zeros, dust, codes nobody has heard of)
 * through each adapter, the sync and the upsert: the stored totals equal the emulator's to the last
 * digit. The seed is printed on failure, so a failing set can be replayed.
 */
class BalancePropertyIT extends IntegrationTest {

    private static final int ROUNDS = 3;
    private static final int ASSETS = 40;
    /** Coinbase (CDP) lists accounts 250 to a page: more than that crosses a page boundary. */
    private static final int PAGED_ASSETS = 300;

    @ParameterizedTest
    @EnumSource(ExchangeId.class)
    void storedTotalsEqualTheExchangesToTheLastDigit(ExchangeId exchange) {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        ApiClient user = newUser();
        for (int round = 0; round < ROUNDS; round++) {
            EmulatedAccount account = account(exchange);
            Map<String, BigDecimal> expected = new HashMap<>();
            for (int i = 0; i < (exchange == ExchangeId.COINBASE_ADVANCED ? PAGED_ASSETS : ASSETS); i++) {
                String code = code(random, i);
                for (Wallet wallet : wallets(exchange)) {
                    if (random.nextInt(3) == 0) {
                        continue;
                    }
                    BigDecimal free = amount(random);
                    BigDecimal locked = random.nextInt(4) == 0 ? amount(random) : BigDecimal.ZERO;
                    account.setBalance(wallet, code, free, locked);
                    expected.merge(code, free.add(locked), BigDecimal::add);
                }
                if (exchange == ExchangeId.KRAKEN && random.nextBoolean()) {
                    BigDecimal staked = amount(random);
                    account.setBalance(code + ".S", staked, BigDecimal.ZERO);
                    expected.merge(code, staked, BigDecimal::add);
                }
            }
            expected.values().removeIf(v -> v.signum() == 0);
            Map<String, BigDecimal> plain = new HashMap<>();
            expected.forEach((code, total) -> plain.put(code, new BigDecimal(total.stripTrailingZeros().toPlainString())));

            UUID id = connect(user, account);
            awaitRuns(id, 1);
            assertThat(holdings(id)).as("seed %d, round %d", seed, round).containsExactlyInAnyOrderEntriesOf(plain);
        }
    }

    private static List<Wallet> wallets(ExchangeId exchange) {
        return switch (exchange) {
            case BINANCE -> List.of(Wallet.SPOT, Wallet.FUNDING, Wallet.EARN_FLEXIBLE, Wallet.EARN_LOCKED);
            case KUCOIN, BYBIT -> List.of(Wallet.SPOT, Wallet.FUNDING);
            case OKX -> List.of(Wallet.SPOT, Wallet.FUNDING, Wallet.EARN_FLEXIBLE);
            case KRAKEN, COINBASE, COINBASE_ADVANCED, BITSTAMP -> List.of(Wallet.SPOT);
            case GEMINI -> List.of(Wallet.SPOT, Wallet.STAKED);
        };
    }

    /** Unknown-looking codes: "Q" + letters, never one of Kraken's X/Z legacy codes. */
    private static String code(Random random, int index) {
        StringBuilder code = new StringBuilder("Q");
        for (int i = 0; i < 3 + random.nextInt(5); i++) {
            code.append((char) ('A' + random.nextInt(26)));
        }
        return code.append(index).toString().toUpperCase(Locale.ROOT);
    }

    /** Zero, dust (one unit of the 18th decimal), or up to 12 integer digits with 0-18 decimals. */
    private static BigDecimal amount(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> BigDecimal.ZERO;
            case 1 -> new BigDecimal("0.000000000000000001");
            default -> new BigDecimal(new BigInteger(70, random), random.nextInt(19))
                    .remainder(new BigDecimal("1000000000000"));
        };
    }
}
