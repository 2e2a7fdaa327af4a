package io.coinsphere.exchangesync.config;

import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the embedded PostgreSQL when the service's JVM is gone, however it ended (SIGKILL, the OOM killer, a closed
 * terminal): pg_ctl detaches the postmaster, so nothing else would. A tiny shell process reads a pipe whose other
 * end only this JVM holds; the kernel closes it when the JVM dies, and the shell then asks the postmaster for a
 * fast shutdown, but only if the pid file still names it (a clean stop removed the file, and a pid can be reused).
 */
final class PostgresWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresWatchdog.class);

    // Terminal signals are ignored: on Ctrl+C the JVM stops PostgreSQL itself, and the pipe closes after it.
    static final String SCRIPT = """
            trap '' INT HUP
            while read -r _; do :; done
            if [ "$(head -n 1 "$2" 2>/dev/null)" = "$1" ]; then kill -INT "$1"; fi
            """;

    private final Process process;

    private PostgresWatchdog(Process process) {
        this.process = process;
    }

    /** Watches the postmaster {@code pid} of {@code dataDir}; null (and a log line) where no POSIX shell runs. */
    static PostgresWatchdog start(long pid, Path dataDir) {
        try {
            Process process = new ProcessBuilder("sh", "-c", SCRIPT, "coinsphere-postgres-watchdog", Long.toString(pid),
                    dataDir.resolve("postmaster.pid").toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new PostgresWatchdog(process);
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL: no watchdog ({}); if this JVM is killed, the server keeps running until the next start stops it",
                    e.toString());
            return null;
        }
    }

    long pid() {
        return process.pid();
    }

    /** Before a clean stop of the database: the watchdog exits without touching it. */
    @Override
    public void close() {
        process.destroy();
    }
}
