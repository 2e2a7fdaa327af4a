package io.coinsphere.exchangesync.support;

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
 * The service in a JVM of its own, started with command-line arguments and stopped by a signal: either on this JVM's
 * class path (the test configuration and the development tools included, {@link #start}), or as the packaged jar a
 * user runs ({@link #startJar}), without them. A failed start prints the tail of its log.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final long launched;
    private double startSeconds;

    private ServiceProcess(Process process, int port, Path log, long launched) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.launched = launched;
    }

    /** Arguments every instance of the suite gets: the emulator's URLs, budgets off, a short fan-out tick. */
    public static List<String> arguments(ExchangeEmulator emulator, int port, Path dataDir) {
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

    /** Starts the service on this JVM's class path, its log in {@code log}, and waits until its readiness probe says UP. */
    public static ServiceProcess start(String name, List<String> args, Path log) throws IOException {
        int port = args.stream().filter(a -> a.startsWith("--server.port=")).map(a -> Integer.parseInt(a.substring(14)))
                .findFirst().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), ExchangeSyncApplication.class.getName()));
        command.addAll(args);
        command.add("--logging.file.name=" + log.toAbsolutePath());
        command.add("--spring.application.name=" + name);
        return launch(command, port, log, log.resolveSibling(log.getFileName() + ".out"));
    }

    /**
     * Starts the packaged jar as a user runs it ({@code java [jvmArgs] -jar jar --server.port=<free> args}), its console
     * output in {@code log}, and waits until it is ready.
     */
    public static ServiceProcess startJar(Path jar, List<String> jvmArgs, Path log, String... args) throws IOException {
        int port = freePort();
        return launch(jarCommand(jar, jvmArgs, port, args), port, log, log);
    }

    /** Runs the packaged jar until it exits by itself (a start that must fail); its exit code, output in {@code log}. */
    public static int runJarToExit(Path jar, List<String> jvmArgs, Path log, Duration limit, String... args) throws Exception {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(jarCommand(jar, jvmArgs, freePort(), args)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("the jar still ran after " + limit + ", see " + log);
        }
        return process.exitValue();
    }

    /** The repackaged jar in {@code targetDir} (what {@code mvn package} built); fails with a hint when there is none. */
    public static Path findJar(Path targetDir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(targetDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in " + targetDir.toAbsolutePath() + ": run mvn verify"));
        }
    }

    private static List<String> jarCommand(Path jar, List<String> jvmArgs, int port, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--server.port=" + port));
        command.addAll(List.of(args));
        return command;
    }

    private static ServiceProcess launch(List<String> command, int port, Path log, Path output) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        ServiceProcess service = new ServiceProcess(process, port, log, launched);
        service.awaitReady(Duration.ofSeconds(180));
        return service;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /** Wall time from the launch until the readiness probe first said UP. */
    public double startSeconds() {
        return startSeconds;
    }

    /** The HTTP status of a GET, or empty when nothing answered within {@code timeout}. */
    public Optional<Integer> status(String path, Duration timeout) {
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

    public void awaitReady(Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("The service exited with " + process.exitValue() + " while starting:\n" + tail());
            }
            if (status("/actuator/health/readiness", Duration.ofSeconds(3)).orElse(0) == 200) {
                startSeconds = (System.nanoTime() - launched) / 1e9;
                return;
            }
            sleep(100);
        }
        throw new IOException("The service was not ready after " + limit.toSeconds() + " s:\n" + tail());
    }

    /** The JVM's child processes right now (the embedded PostgreSQL's watchdog among them). */
    public List<ProcessHandle> children() {
        return process.children().toList();
    }

    /** SIGKILL: what the OOM killer or a closed terminal does. No shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for the graceful shutdown to finish. */
    public int terminate(Duration limit) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The service did not stop within " + limit.toSeconds() + " s of SIGTERM");
        }
        return process.exitValue();
    }

    public String tail() throws IOException {
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

    public boolean logContains(String text) throws IOException {
        return Files.exists(log) && Files.readString(log).contains(text);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void sleep(long millis) {
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
