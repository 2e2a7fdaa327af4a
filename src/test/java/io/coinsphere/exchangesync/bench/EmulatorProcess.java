package io.coinsphere.exchangesync.bench;

import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** Starts {@link BenchEmulatorMain} in a child JVM on this JVM's class path and talks to it over its stdin/stdout. */
final class EmulatorProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final Map<ExchangeId, Integer> ports;

    private EmulatorProcess(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.ports = parse(awaitLine("READY"));
    }

    static EmulatorProcess start(long seed, int accounts, int assets, int latencyMs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                BenchEmulatorMain.class.getName(), Long.toString(seed), Integer.toString(accounts), Integer.toString(assets),
                Integer.toString(latencyMs), Integer.toString(BenchAccounts.budgetAccounts()))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            return new EmulatorProcess(process);
        } catch (IOException | RuntimeException e) {
            process.destroy();
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    String baseUrl(ExchangeId id) {
        return "http://127.0.0.1:" + ports.get(id);
    }

    /** Requests each exchange received since the emulator started. */
    synchronized Map<ExchangeId, Long> requestCounts() throws IOException {
        in.println("COUNTS");
        Map<ExchangeId, Long> counts = new EnumMap<>(ExchangeId.class);
        parse(awaitLine("COUNTS")).forEach((id, n) -> counts.put(id, n.longValue()));
        return counts;
    }

    /** Switches the exchanges' real rate limits on (they are off for the throughput phases). */
    synchronized void enableLimits() throws IOException {
        in.println("LIMITS");
        awaitLine("LIMITS");
    }

    /** Moves a balance in {@code percent} % of the accounts (a new slice each call); returns how many changed. */
    synchronized int changeBalances(int percent) throws IOException {
        in.println("CHANGE " + percent);
        String line = awaitLine("CHANGED");
        return Integer.parseInt(line.substring(line.indexOf(' ') + 1));
    }

    /** Requests each exchange refused for going over its rate limit since the emulator started. */
    synchronized Map<ExchangeId, Long> rejections() throws IOException {
        in.println("REJECTED");
        Map<ExchangeId, Long> counts = new EnumMap<>(ExchangeId.class);
        parse(awaitLine("REJECTED")).forEach((id, n) -> counts.put(id, n.longValue()));
        return counts;
    }

    private String awaitLine(String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("the emulator JVM ended before printing " + prefix);
    }

    private static Map<ExchangeId, Integer> parse(String line) {
        Map<ExchangeId, Integer> values = new EnumMap<>(ExchangeId.class);
        for (String pair : line.substring(line.indexOf(' ') + 1).split(" ")) {
            String[] kv = pair.split("=");
            values.put(ExchangeId.fromId(kv[0]).orElseThrow(), Integer.parseInt(kv[1]));
        }
        return values;
    }

    @Override
    public void close() {
        in.close();
        process.destroy();
    }
}
