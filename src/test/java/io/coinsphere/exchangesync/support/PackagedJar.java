package io.coinsphere.exchangesync.support;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The production jar (what {@code mvn package} built into {@code target/}) run as a user runs it, {@code java -jar},
 * in a process of its own: the tests' class path has the development tools the jar leaves out, this does not.
 */
public final class PackagedJar implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int port;
    private final Path log;
    private final double startSeconds;

    private PackagedJar(Process process, int port, Path log, double startSeconds) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startSeconds = startSeconds;
    }

    /** The repackaged jar in {@code targetDir}; fails with a hint when the build has not packaged it. */
    public static Path find(Path targetDir) throws IOException {
        try (Stream<Path> files = Files.list(targetDir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no jar in " + targetDir.toAbsolutePath() + ": run mvn verify"));
        }
    }

    /** Starts the jar on a free port with its output in {@code log}, and waits until it is ready (at most 180 s). */
    public static PackagedJar start(Path jar, List<String> jvmArgs, Path log, String... args) throws Exception {
        int port = freePort();
        long begin = System.nanoTime();
        Process process = launch(jar, jvmArgs, log, withPort(port, args));
        URI ready = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the jar exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new PackagedJar(process, port, log, (System.nanoTime() - begin) / 1e9);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the jar was not ready within 180 s, see " + log);
    }

    /** Runs the jar until it exits by itself (a start that must fail); returns its exit code, output in {@code log}. */
    public static int runToExit(Path jar, Path log, Duration limit, String... args) throws Exception {
        return runToExit(jar, List.of(), log, limit, args);
    }

    public static int runToExit(Path jar, List<String> jvmArgs, Path log, Duration limit, String... args) throws Exception {
        Process process = launch(jar, jvmArgs, log, withPort(freePort(), args));
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("the jar still ran after " + limit + ", see " + log);
        }
        return process.exitValue();
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    /** Wall time from the process start until ready. */
    public double startSeconds() {
        return startSeconds;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGTERM, as a user's Ctrl+C; returns the exit code. */
    public int stop(Duration limit) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("the jar did not stop within " + limit + " of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String[] withPort(int port, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "--server.port=" + port;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    private static Process launch(Path jar, List<String> jvmArgs, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        command.addAll(List.of(args));
        Files.createDirectories(log.toAbsolutePath().getParent());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
