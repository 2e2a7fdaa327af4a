package io.coinsphere.exchangesync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of every part of the pipeline, so the service's own share of the cores is known: this JVM
 * (service and embedded broker), the emulator JVM, the embedded PostgreSQL (postmaster and its backends),
 * and the whole machine. Linux {@code /proc}; where a figure cannot be read it is -1.
 */
final class ProcessCpu {

    /** {@code getconf CLK_TCK} on Linux: /proc counts CPU time in these ticks. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private static volatile long emulatorPid = -1;
    private static volatile Path postgresDir;

    /** CPU nanoseconds used so far by each part; differences of two samples are what a cycle cost. */
    record Sample(long jvm, long emulator, long postgres, long machine) {

        Sample minus(Sample before) {
            return new Sample(jvm - before.jvm, diff(emulator, before.emulator), diff(postgres, before.postgres),
                    diff(machine, before.machine));
        }

        Sample plus(Sample other) {
            return new Sample(jvm + other.jvm, add(emulator, other.emulator), add(postgres, other.postgres),
                    add(machine, other.machine));
        }

        private static long diff(long after, long before) {
            return after < 0 || before < 0 ? -1 : after - before;
        }

        private static long add(long a, long b) {
            return a < 0 || b < 0 ? -1 : a + b;
        }
    }

    private ProcessCpu() {
    }

    static void watchEmulator(long pid) {
        emulatorPid = pid;
    }

    /** The data directory of the running instance's embedded PostgreSQL ({@code <data-dir>/postgres}). */
    static void watchPostgres(Path dataDir) {
        postgresDir = dataDir;
    }

    static Sample now() {
        Path pg = postgresDir;
        return new Sample(Machine.processCpuNanos(), emulatorPid < 0 ? -1 : processNanos(emulatorPid),
                pg == null ? -1 : postgres(pg), machine());
    }

    /** utime + stime of another process (e.g. the REST load client) in nanoseconds; -1 if it is gone. */
    static long processNanos(long pid) {
        long ticks = ticks(pid, false);
        return ticks < 0 ? -1 : ticks * NANOS_PER_TICK;
    }

    /**
     * The postmaster (its pid is the first line of postmaster.pid) with the CPU of its exited children, plus
     * each live child: the backends that the connection pool keeps open for the whole run.
     */
    private static long postgres(Path dataDir) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            long total = ticks(postmaster, true);
            if (total < 0) {
                return -1;
            }
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : (Iterable<Path>) procs::iterator) {
                    String name = proc.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String[] fields = stat(Long.parseLong(name));
                    if (fields != null && Long.parseLong(fields[1]) == postmaster) {
                        total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                }
            }
            return total * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime (and, with {@code children}, cutime + cstime of reaped children) in ticks; -1 if gone. */
    private static long ticks(long pid, boolean children) {
        String[] f = stat(pid);
        if (f == null) {
            return -1;
        }
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (children) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return ticks;
    }

    /** The fields of /proc/pid/stat after the command name (field 3, the state, is index 0); null if gone. */
    private static String[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name is in parentheses and may contain spaces: split after its closing one.
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Busy time of all cores (everything but idle and iowait) from the first line of /proc/stat. */
    private static long machine() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            String[] f = lines.get(0).trim().split("\\s+");
            long busy = 0;
            // user nice system idle iowait irq softirq steal: steal is another guest's time, not this machine's work.
            for (int i = 1; i < f.length && i <= 7; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
