package io.coinsphere.exchangesync.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.MemoryRecords;
import org.apache.kafka.common.record.Record;
import org.apache.kafka.common.record.SimpleRecord;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Records from other producers may come compressed with any codec Kafka has, and zstd and snappy decompress in native
 * code only. The jar carries the natives of the platform it was built on (build/SlimJar): run elsewhere, a consumer
 * that meets such a batch stops reading its partitions without a word (the error escapes Camel's polling loop). So a
 * Kafka-mode start writes and reads one batch with each codec, and stops, saying what to do, if one cannot.
 */
final class CompressionCodecs {

    private static final ByteBuffer SAMPLE = ByteBuffer.wrap("coinsphere".getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();

    private CompressionCodecs() {
    }

    static void requireReadable() {
        List<String> unreadable = unreadable(CompressionCodecs::roundTrip);
        if (!unreadable.isEmpty()) {
            throw new Unreadable(unreadable, System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        }
    }

    /** The codecs whose {@code roundTrip} failed, each with its error. */
    static List<String> unreadable(Consumer<CompressionType> roundTrip) {
        List<String> unreadable = new ArrayList<>();
        for (CompressionType type : CompressionType.values()) {
            if (type == CompressionType.NONE) {
                continue;
            }
            try {
                roundTrip.accept(type);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (RuntimeException | Error e) {
                // snappy-java throws an Error of its own, zstd-jni an UnsatisfiedLinkError: both are "cannot here".
                unreadable.add(type.name + " (" + e + ")");
            }
        }
        return unreadable;
    }

    /** What a consumer does with a compressed batch, on one record. */
    static void roundTrip(CompressionType type) {
        MemoryRecords batch = MemoryRecords.withRecords(Compression.of(type).build(), new SimpleRecord(SAMPLE.duplicate()));
        for (Record record : batch.records()) {
            if (!SAMPLE.equals(record.value())) {
                throw new IllegalStateException("read back something else");
            }
        }
    }

    /** The start's failure: reported by {@link Analyzer} without a stack trace. */
    static final class Unreadable extends IllegalStateException {
        Unreadable(List<String> codecs, String platform) {
            super("Kafka records compressed with " + String.join(", ", codecs) + " cannot be read on " + platform
                    + ": this jar carries the compression libraries of the platform it was built on");
        }
    }

    /** Turns {@link Unreadable} into Spring Boot's short "APPLICATION FAILED TO START" report. */
    static final class Analyzer extends AbstractFailureAnalyzer<Unreadable> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, Unreadable cause) {
            return new FailureAnalysis(cause.getMessage(), "Build the jar on this platform (mvn package), or for it: mvn package"
                    + " -Dslim.platform=<os>-<arch>, e.g. linux-amd64 or linux-arm64.", cause);
        }
    }
}
