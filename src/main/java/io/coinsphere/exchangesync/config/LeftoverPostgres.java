package io.coinsphere.exchangesync.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on the embedded data directory by an earlier run that ended without stopping
 * it (a SIGKILLed JVM: pg_ctl detaches the postmaster). It holds {@code postmaster.pid}, so a new server would
 * refuse to start. It is stopped before the new one starts, unless a live service still owns the directory.
 */
final class LeftoverPostgres {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostgres.class);

    /** The file zonky's EmbeddedPostgres locks for as long as its JVM uses the data directory. */
    static final String OWNER_LOCK = "epg-lock";

    private LeftoverPostgres() {
    }

    /** The postmaster's pid, data directory and port, as PostgreSQL writes them in the first lines of the file. */
    record PidFile(long pid, String dataDirectory, int port) {

        static Optional<PidFile> parse(List<String> lines) {
            try {
                return Optional.of(new PidFile(Long.parseLong(lines.get(0).trim()), lines.get(1).trim(),
                        Integer.parseInt(lines.get(3).trim())));
            } catch (RuntimeException e) {
                // Half-written (the server died while starting): nothing to stop.
                return Optional.empty();
            }
        }

        static Optional<PidFile> read(Path dataDir) {
            Path file = dataDir.resolve("postmaster.pid");
            try {
                return Files.exists(file) ? parse(Files.readAllLines(file, StandardCharsets.UTF_8)) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * Stops the server an earlier run left on {@code dataDir}, and says so in one log line.
     *
     * @throws IllegalStateException when another running service still owns the data directory
     */
    static void stopIfLeft(Path dataDir, Duration wait) {
        Optional<PidFile> pidFile = PidFile.read(dataDir);
        if (pidFile.isEmpty()) {
            return;
        }
        long pid = pidFile.get().pid();
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(LeftoverPostgres::isPostgres);
        if (process.isEmpty()) {
            LOG.info("Embedded PostgreSQL: {} names pid {}, which is not running (the last run ended abruptly); "
                    + "PostgreSQL recovers from its write-ahead log", dataDir.resolve("postmaster.pid"), pid);
            return;
        }
        if (ownedByLiveService(dataDir)) {
            throw new IllegalStateException("The embedded PostgreSQL in " + dataDir + " (pid " + pid + ") belongs to another "
                    + "running service instance: stop it, or give this one its own coinsphere.data-dir");
        }
        long start = System.nanoTime();
        boolean stopped = signal(pid, "INT") && awaitExit(process.get(), wait);
        if (!stopped) {
            // Immediate shutdown: the next start replays the write-ahead log, as after a crash.
            stopped = signal(pid, "QUIT") && awaitExit(process.get(), wait);
        }
        if (!stopped) {
            throw new IllegalStateException("A PostgreSQL server (pid " + pid + ") left running on " + dataDir
                    + " by an earlier run does not stop; stop it by hand");
        }
        LOG.warn("Embedded PostgreSQL: stopped the server (pid {}, port {}) that an earlier run left running on {} "
                + "when it ended without shutting down, in {} ms; starting a fresh one", pid, pidFile.get().port(), dataDir,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static boolean isPostgres(ProcessHandle process) {
        // Unknown command (not our user's process, or no /proc): believe the pid file.
        return process.info().command().map(c -> c.endsWith("postgres")).orElse(true);
    }

    /** A live service holds zonky's lock on the directory for as long as it runs; a killed one released it. */
    private static boolean ownedByLiveService(Path dataDir) {
        Path lockFile = dataDir.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean signal(long pid, String signal) {
        try {
            return new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
