package io.coinsphere.exchangesync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU of this JVM's threads by group, from {@code /proc/self/task/<tid>/stat}: the thread name with its digits
 * dropped ("C2 CompilerThread0" and "...1" are one group). JFR samples only threads running Java code; this also
 * shows the JIT compiler, the garbage collector and threads in native code. Threads that ended in between are
 * not counted (the pools that matter live as long as the service).
 */
final class ThreadCpu {

    private static final long NANOS_PER_TICK = 10_000_000L;

    private final Map<String, Long> start;

    private ThreadCpu(Map<String, Long> start) {
        this.start = start;
    }

    static ThreadCpu start() {
        return new ThreadCpu(snapshot());
    }

    /** The groups that used the most CPU since the start, in ms, as "group 1,234 ms" joined by commas. */
    String top(int groups) {
        Map<String, Long> now = snapshot();
        Map<String, Long> used = new HashMap<>();
        now.forEach((tid, ticks) -> used.merge(group(tid), ticks - start.getOrDefault(tid, 0L), Long::sum));
        return used.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(groups)
                .map(e -> e.getKey() + " " + Report.number(e.getValue() * NANOS_PER_TICK / 1e6, 0) + " ms")
                .collect(Collectors.joining(", "));
    }

    /** Key "tid name": a thread that ended keeps its last figure out of the delta, a new one starts from 0. */
    private static Map<String, Long> snapshot() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    List<String> fields = List.of(stat.substring(close + 2).split(" "));
                    // After the name: state is field 3, utime 14 and stime 15 (1-based, as in proc(5)).
                    long used = Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
                    ticks.put(task.getFileName() + " " + stat.substring(open + 1, close), used);
                } catch (IOException | RuntimeException ended) {
                    // The thread ended while the directory was read.
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }

    static String group(String key) {
        String name = key.substring(key.indexOf(' ') + 1);
        return name.replaceAll("[0-9]+", "#").strip();
    }
}
