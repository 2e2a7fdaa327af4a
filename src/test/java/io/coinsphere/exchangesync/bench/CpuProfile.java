package io.coinsphere.exchangesync.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR sampling profile ({@code jdk.ExecutionSample} every 10 ms of each running Java thread) over the
 * measured cycles, summarised as the share of samples per {@link FrameCategories} category.
 */
final class CpuProfile implements AutoCloseable {

    private final Recording recording = new Recording();
    private final Path file;

    CpuProfile(Path file) {
        this.file = file;
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        recording.setToDisk(true);
    }

    void start() {
        recording.start();
    }

    /** Stops the recording, keeps it for {@code jfr print} and returns the share of each category (0..1). */
    Map<String, Double> stop() throws IOException {
        recording.stop();
        recording.dump(file);
        Map<String, Integer> counts = new LinkedHashMap<>();
        FrameCategories.ALL.forEach(c -> counts.put(c, 0));
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getStackTrace() == null) {
                continue;
            }
            List<String> types = new ArrayList<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                if (frame.getMethod() != null) {
                    types.add(frame.getMethod().getType().getName());
                }
            }
            counts.merge(FrameCategories.categorize(types), 1, Integer::sum);
            total++;
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        int samples = total;
        counts.forEach((category, n) -> shares.put(category, samples == 0 ? Double.NaN : (double) n / samples));
        shares.put("samples", (double) samples);
        return shares;
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        recording.close();
    }
}
