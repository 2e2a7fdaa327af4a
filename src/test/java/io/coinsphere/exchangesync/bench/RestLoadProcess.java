package io.coinsphere.exchangesync.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Starts {@link RestLoadMain} in a child JVM on this JVM's class path and drives it over its stdin/stdout.
 * The token goes over stdin, never on the command line.
 */
final class RestLoadProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;

    private RestLoadProcess(Process process, String token) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        in.println(token);
        awaitLine("READY");
    }

    static RestLoadProcess start(int port, String token, int rate) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // A small client: serial GC so that no parallel GC threads compete with the service for the cores.
        Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                RestLoadMain.class.getName(), Integer.toString(port), Integer.toString(rate))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            return new RestLoadProcess(process, token);
        } catch (IOException | RuntimeException e) {
            process.destroy();
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    /** CPU nanoseconds the client JVM used so far ({@code /proc/<pid>/stat}); -1 if it cannot be read. */
    long cpuNanos() {
        return ProcessCpu.processNanos(process.pid());
    }

    synchronized void start() throws IOException {
        in.println("START");
        awaitLine("STARTED");
    }

    /** The load at another rate than the measured one (the warm-up). */
    synchronized void start(int requestsPerSecond) throws IOException {
        in.println("START " + requestsPerSecond);
        awaitLine("STARTED");
    }

    /** Stops the load; returns after the requests in flight answered or timed out. */
    synchronized RestLoad.Result stop() throws IOException {
        in.println("STOP");
        return RestLoad.Result.parse(awaitLine("RESULT"));
    }

    private String awaitLine(String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("the REST load JVM ended before printing " + prefix);
    }

    @Override
    public void close() {
        in.close();
        process.destroy();
    }
}
