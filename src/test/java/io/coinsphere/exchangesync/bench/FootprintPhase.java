package io.coinsphere.exchangesync.bench;

import io.coinsphere.exchangesync.support.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The production jar as a user runs it, on embedded defaults: its size, start to ready on a fresh data directory and
 * again on the existing one, and the service JVM's resident memory after {@code bench.footprint.idle-seconds} of
 * idling (with Native Memory Tracking on the second start, to say what the memory is made of); first with
 * {@code java -jar}, then extracted with a class data sharing archive, as the README runs it in production.
 */
final class FootprintPhase {

    private FootprintPhase() {
    }

    static void run(Path dir, Report report) throws Exception {
        Path jar = ServiceProcess.findJar(Path.of(System.getProperty("bench.jar-dir", "target")));
        // The target's MB are the issue's: 10^6 bytes (its "200 MB" jar was 200.6 million bytes).
        long bytes = Files.size(jar);
        double jarMb = bytes / 1e6;
        report.target("footprint: production jar " + jar.getFileName(), Report.number(jarMb, 1) + " MB ("
                + Report.number(bytes / 1048576.0, 1) + " MiB)", "<= 80 MB", jarMb <= 80);

        List<String> jvmArgs = split(System.getProperty("bench.footprint.jvm-args", ""));
        int idle = Integer.getInteger("bench.footprint.idle-seconds", 30);
        Path data = dir.resolve("data");
        String how = "java " + String.join(" ", jvmArgs) + (jvmArgs.isEmpty() ? "" : " ") + "-jar";
        try (Instance fresh = Instance.start(jar, jvmArgs, data, dir.resolve("fresh.log"), false)) {
            report.target("footprint: start to ready (" + how + ", embedded defaults, fresh data directory)",
                    fresh.started(), "<= 10 s", fresh.startSeconds() <= 10);
            Thread.sleep(idle * 1000L);
            double rss = fresh.rssMb();
            report.target("footprint: idle RSS of the service JVM, " + idle + " s after ready", Report.number(rss, 0) + " MB",
                    "<= 400 MB", rss <= 400);
            report.figure("footprint: idle memory of its embedded PostgreSQL (PSS, all its processes)",
                    Report.number(fresh.postgresPssMb(data), 0) + " MB");
        }
        try (Instance again = Instance.start(jar, jvmArgs, data, dir.resolve("again.log"), true)) {
            report.target("footprint: start to ready on the existing data directory (second start)",
                    again.started(), "<= 10 s", again.startSeconds() <= 10);
            Thread.sleep(idle * 1000L);
            report.figure("footprint: what the idle JVM commits (Native Memory Tracking, MB; RSS " + Report.number(again.rssMb(), 0)
                    + " MB with tracking on)", again.nativeMemory());
        }
        runExtracted(jar, jvmArgs, dir, idle, report);
    }

    /**
     * The jar as the README runs it in production: extracted (no nested jars to read classes from) and started with a
     * class data sharing archive from one training run, Spring Boot's documented way to a faster start.
     */
    private static void runExtracted(Path jar, List<String> jvmArgs, Path dir, int idle, Report report) throws Exception {
        Path app = dir.resolve("app");
        Process extract = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
                "--destination", app.toAbsolutePath().toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("extract.log").toFile()).start();
        if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0) {
            throw new IllegalStateException("extracting the jar failed, see " + dir.resolve("extract.log"));
        }
        Path extracted = app.resolve(jar.getFileName());
        Path archive = app.resolve("application.jsa");
        List<String> training = new ArrayList<>(jvmArgs);
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath(), "-Dspring.context.exit=onRefresh"));
        int exit = ServiceProcess.runJarToExit(extracted, training, dir.resolve("training.log"), java.time.Duration.ofSeconds(180),
                "--coinsphere.data-dir=" + dir.resolve("training-data").toAbsolutePath());
        if (exit != 0 || !Files.exists(archive)) {
            throw new IllegalStateException("the training run failed (exit " + exit + "), see " + dir.resolve("training.log"));
        }
        List<String> withArchive = new ArrayList<>(jvmArgs);
        withArchive.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
        Path data = dir.resolve("data-extracted");
        try (Instance fresh = Instance.start(extracted, withArchive, data, dir.resolve("extracted.log"), false)) {
            report.target("footprint: start to ready, extracted with a CDS archive (README, production), fresh data directory",
                    fresh.started(), "<= 10 s", fresh.startSeconds() <= 10);
            Thread.sleep(idle * 1000L);
            double rss = fresh.rssMb();
            report.target("footprint: idle RSS, extracted with a CDS archive, " + idle + " s after ready", Report.number(rss, 0) + " MB",
                    "<= 400 MB", rss <= 400);
        }
        try (Instance again = Instance.start(extracted, withArchive, data, dir.resolve("extracted-again.log"), false)) {
            report.target("footprint: start to ready, extracted with a CDS archive, existing data directory",
                    again.started(), "<= 10 s", again.startSeconds() <= 10);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> split(String args) {
        return args.isBlank() ? List.of() : List.of(args.trim().split("\\s+"));
    }

    /** NMT's summary as "Java Heap 120, Class 75, ...": the committed megabytes of each area, largest first. */
    static String summary(String nmt) {
        Map<String, Double> areas = new LinkedHashMap<>();
        Matcher area = Pattern.compile("(?m)^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)").matcher(nmt);
        while (area.find()) {
            areas.put(area.group(1).trim(), Long.parseLong(area.group(2)) / 1024.0);
        }
        Matcher threads = Pattern.compile("\\(thread #(\\d+)\\)").matcher(nmt);
        String threadCount = threads.find() ? threads.group(1) : "?";
        Matcher total = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(nmt);
        StringBuilder text = new StringBuilder(total.find() ? "total " + Report.number(Long.parseLong(total.group(1)) / 1024.0, 0) : "total ?");
        areas.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).filter(e -> e.getValue() >= 1)
                .forEach(e -> text.append(", ").append(e.getKey()).append(' ').append(Report.number(e.getValue(), 0))
                        .append("Thread".equals(e.getKey()) ? " (" + threadCount + " threads)" : ""));
        return text.toString();
    }

    /** One run of the jar (support/ServiceProcess), with what the footprint reads from it. */
    private static final class Instance implements AutoCloseable {

        private final ServiceProcess jar;
        private final double cpuSeconds;

        private Instance(ServiceProcess jar) {
            this.jar = jar;
            this.cpuSeconds = jar.process().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
        }

        double startSeconds() {
            return jar.startSeconds();
        }

        /** The wall time, and the CPU time the JVM spent until ready: on a busy machine the first grows, not the second. */
        String started() {
            return Report.number(jar.startSeconds(), 1) + " s (JVM CPU " + Report.number(cpuSeconds, 1) + " s)";
        }

        static Instance start(Path jar, List<String> jvmArgs, Path data, Path log, boolean nmt) throws Exception {
            List<String> args = new ArrayList<>(jvmArgs);
            if (nmt) {
                args.add("-XX:NativeMemoryTracking=summary");
            }
            return new Instance(ServiceProcess.startJar(jar, args, log, "--coinsphere.data-dir=" + data.toAbsolutePath(),
                    "--coinsphere.kafka.embedded-port=" + ServiceProcess.freePort()));
        }

        double rssMb() throws IOException {
            return statusKb(jar.pid(), "VmRSS") / 1024.0;
        }

        /** PSS: PostgreSQL's processes share their buffers, which RSS would count once per process. */
        double postgresPssMb(Path data) throws IOException {
            List<String> pid = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
            ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(pid.get(0).trim())).orElseThrow();
            long kb = pss(postmaster.pid());
            for (ProcessHandle child : postmaster.descendants().toList()) {
                kb += pss(child.pid());
            }
            return kb / 1024.0;
        }

        String nativeMemory() throws Exception {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(jar.pid()), "VM.native_memory", "summary").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return summary(out);
        }

        @Override
        public void close() throws InterruptedException {
            jar.close();
        }

        private static long statusKb(long pid, String field) throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return -1;
        }

        private static long pss(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                    if (line.startsWith("Pss:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException gone) {
                return 0;
            }
            return 0;
        }
    }
}
