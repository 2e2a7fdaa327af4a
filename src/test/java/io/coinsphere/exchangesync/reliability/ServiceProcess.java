package io.coinsphere.exchangesync.reliability;

import io.coinsphere.exchangesync.ExchangeSyncApplication;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The service in a JVM of its own, on this JVM's class path (the test configuration included), started with
 * command-line arguments and stopped by a signal. Its log goes to {@code <log>}; a failed start prints its tail.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Arguments every instance of the suite gets: the emulator's URLs, budgets off, a short fan-out tick. */
    static List<String> arguments(ExchangeEmulator emulator, int port, Path dataDir) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--coinsphere.data-dir=" + dataDir.toAbsolutePath(),
                "--spring.jmx.enabled=false",
                "--camel.main.jmx-enabled=false",
                "--coinsphere.sync.fanout-interval=10s",
                "--coinsphere.sync.workers=4",
                "--coinsphere.exchanges.circuit-breaker.failures=1000",
                "--coinsphere.sync.throttle.cpu-target=1",
                "--logging.threshold.console=OFF"));
        for (ExchangeId id : ExchangeId.values()) {
            args.add("--coinsphere.exchanges." + id.id() + ".base-url=" + emulator.baseUrl(id));
            args.add("--coinsphere.exchanges." + id.id() + ".budget.capacity=1000000000");
            args.add("--coinsphere.exchanges." + id.id() + ".budget.refill=1000000000");
        }
        return args;
    }

    /** Starts the service and waits until its readiness probe says UP. */
    static ServiceProcess start(String name, List<String> args, Path log) throws IOException {
        int port = args.stream().filter(a -> a.startsWith("--server.port=")).map(a -> Integer.parseInt(a.substring(14)))
                .findFirst().orElseThrow();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ExchangeSyncApplication.class.getName()));
        command.addAll(args);
        command.add("--logging.file.name=" + log.toAbsolutePath());
        command.add("--spring.application.name=" + name);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.resolveSibling(log.getFileName() + ".out").toFile()))
                .start();
        ServiceProcess service = new ServiceProcess(process, port, log);
        service.awaitReady(Duration.ofSeconds(180));
        return service;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** The HTTP status of a GET, or empty when nothing answered within {@code timeout}. */
    Optional<Integer> status(String path, Duration timeout) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.discarding());
            return Optional.of(response.statusCode());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    void awaitReady(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("The service exited with " + process.exitValue() + " while starting:\n" + tail());
            }
            if (status("/actuator/health/readiness", Duration.ofSeconds(3)).orElse(0) == 200) {
                return;
            }
            sleep(250);
        }
        throw new IOException("The service was not ready after " + limit.toSeconds() + " s:\n" + tail());
    }

    /** The JVM's child processes right now (the embedded PostgreSQL's watchdog among them). */
    List<ProcessHandle> children() {
        return process.children().toList();
    }

    /** SIGKILL: what the OOM killer or a closed terminal does. No shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for the graceful shutdown to finish. */
    int terminate(Duration limit) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The service did not stop within " + limit.toSeconds() + " s of SIGTERM");
        }
        return process.exitValue();
    }

    String tail() throws IOException {
        Path out = log.resolveSibling(log.getFileName() + ".out");
        List<String> lines = new ArrayList<>();
        for (Path file : List.of(log, out)) {
            if (Files.exists(file)) {
                List<String> all = Files.readAllLines(file);
                lines.addAll(all.subList(Math.max(0, all.size() - 40), all.size()));
            }
        }
        return String.join("\n", lines);
    }

    boolean logContains(String text) throws IOException {
        return Files.exists(log) && Files.readString(log).contains(text);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
