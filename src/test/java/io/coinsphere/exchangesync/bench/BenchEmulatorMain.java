package io.coinsphere.exchangesync.bench;

import io.coinsphere.exchangesync.emulator.EmulatedAccount;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The exchange emulator in a JVM of its own, so that its CPU time and allocations do not count as the
 * service's. Arguments: seed, accounts, assets, latency in ms. Prints one {@code READY} line with the
 * ports, answers {@code COUNTS} with the requests per exchange and {@code REJECTED} with the requests each
 * refused for going over its limit, switches the exchanges' real limits on at {@code LIMITS}, changes balances
 * at {@code CHANGE <percent>}, and stops when its input closes.
 */
public final class BenchEmulatorMain {

    private BenchEmulatorMain() {
    }

    /**
     * A trade in {@code percent} % of the accounts: the first asset's balance moves. A different slice of the
     * accounts each round, so that over the cycles every account changes now and then.
     */
    static int change(List<EmulatedAccount> accounts, int percent, int round) {
        int changed = 0;
        for (int i = 0; i < accounts.size(); i++) {
            if (changes(i, percent, round)) {
                accounts.get(i).setBalance(BenchAccounts.symbol(0),
                        BenchAccounts.amount(i, 0).add(new BigDecimal(round).movePointLeft(3)), BigDecimal.ZERO);
                changed++;
            }
        }
        return changed;
    }

    /** Whether account {@code index} trades in {@code round}: a slice of {@code percent} %, moved along each round. */
    static boolean changes(int index, int percent, int round) {
        return Math.floorMod(index + round * 37, 100) < percent;
    }

    public static void main(String[] args) throws Exception {
        BenchAccounts accounts = new BenchAccounts(Long.parseLong(args[0]), Integer.parseInt(args[2]));
        int count = Integer.parseInt(args[1]);
        try (ExchangeEmulator emulator = ExchangeEmulator.start()) {
            for (ExchangeId id : ExchangeId.values()) {
                emulator.setLatency(id, Duration.ofMillis(Integer.parseInt(args[3])));
                // Throughput is measured with budgets off: the exchanges' own limits would only measure the limits.
                emulator.disableRateLimit(id);
            }
            List<EmulatedAccount> all = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                BenchAccounts.Account a = accounts.account(i);
                EmulatedAccount account = emulator.addAccount(a.exchange(), a.apiKey(), a.apiSecret(), a.passphrase());
                all.add(account);
                for (int j = 0; j < accounts.assets(); j++) {
                    account.setBalance(BenchAccounts.symbol(j), BenchAccounts.amount(i, j), BigDecimal.ZERO);
                }
            }
            // The budget phase's accounts: every exchange, outside the range the cycles sync and change.
            int budgetAccounts = args.length > 4 ? Integer.parseInt(args[4]) : 0;
            for (int i = BenchAccounts.BUDGET_BASE; i < BenchAccounts.BUDGET_BASE + budgetAccounts; i++) {
                BenchAccounts.Account a = accounts.account(i);
                EmulatedAccount account = emulator.addAccount(a.exchange(), a.apiKey(), a.apiSecret(), a.passphrase());
                for (int j = 0; j < accounts.assets(); j++) {
                    account.setBalance(BenchAccounts.symbol(j), BenchAccounts.amount(i, j), BigDecimal.ZERO);
                }
            }
            StringBuilder ready = new StringBuilder("READY");
            for (ExchangeId id : ExchangeId.values()) {
                ready.append(' ').append(id.id()).append('=').append(emulator.port(id));
            }
            System.out.println(ready);
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            int round = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("CHANGE ")) {
                    round++;
                    int changed = change(all, Integer.parseInt(line.substring(7)), round);
                    System.out.println("CHANGED " + changed);
                    System.out.flush();
                } else if (line.equals("LIMITS")) {
                    // The budget phase: our budgets against the exchanges' documented limits.
                    emulator.setRateLimit(ExchangeId.BINANCE, 6_000, Duration.ofMinutes(1));
                    emulator.setRateLimit(ExchangeId.COINBASE, 30, Duration.ofSeconds(2));
                    emulator.setRateLimit(ExchangeId.KRAKEN, 15, Duration.ofSeconds(45));
                    emulator.setRateLimit(ExchangeId.KUCOIN, 2_000, Duration.ofSeconds(30));
                    // The newer profiles start with their exchange's documented limit: put it back.
                    for (ExchangeId id : BenchAccounts.BUDGET_EXCHANGES) {
                        if (!BenchAccounts.EXCHANGES.contains(id)) {
                            emulator.restoreRateLimit(id);
                        }
                    }
                    System.out.println("LIMITS on");
                    System.out.flush();
                } else if (line.equals("REJECTED")) {
                    StringBuilder rejected = new StringBuilder("REJECTED");
                    for (ExchangeId id : ExchangeId.values()) {
                        rejected.append(' ').append(id.id()).append('=').append(emulator.rateLimitRejections(id));
                    }
                    System.out.println(rejected);
                    System.out.flush();
                } else if (line.equals("COUNTS")) {
                    StringBuilder counts = new StringBuilder("COUNTS");
                    for (ExchangeId id : ExchangeId.values()) {
                        counts.append(' ').append(id.id()).append('=').append(emulator.requestCount(id));
                    }
                    System.out.println(counts);
                    System.out.flush();
                }
            }
        }
    }
}
