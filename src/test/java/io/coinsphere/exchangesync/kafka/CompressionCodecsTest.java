package io.coinsphere.exchangesync.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.kafka.common.record.CompressionType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class CompressionCodecsTest {

    @Test
    void everyCodecKafkaHasReadsBackHere() {
        assertThat(CompressionCodecs.unreadable(CompressionCodecs::roundTrip)).isEmpty();
        CompressionCodecs.requireReadable();
    }

    @Test
    void aCodecWithoutItsNativeLibraryIsNamedWithItsError() {
        List<String> unreadable = CompressionCodecs.unreadable(type -> {
            if (type == CompressionType.ZSTD) {
                throw new UnsatisfiedLinkError("no zstd-jni in java.library.path");
            }
            if (type == CompressionType.SNAPPY) {
                throw new Error("FAILED_TO_LOAD_NATIVE_LIBRARY");
            }
        });

        assertThat(unreadable).containsExactly("snappy (java.lang.Error: FAILED_TO_LOAD_NATIVE_LIBRARY)",
                "zstd (java.lang.UnsatisfiedLinkError: no zstd-jni in java.library.path)");
    }

    @Test
    void runningOutOfMemoryIsNotAMissingCodec() {
        assertThatThrownBy(() -> CompressionCodecs.unreadable(type -> {
            throw new OutOfMemoryError("heap");
        })).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void theStartStopsWithWhatToDo() {
        CompressionCodecs.Unreadable failure = new CompressionCodecs.Unreadable(List.of("zstd (x)"), "Linux aarch64");
        FailureAnalysis analysis = new CompressionCodecs.Analyzer().analyze(failure);

        assertThat(analysis.getDescription()).isEqualTo("Kafka records compressed with zstd (x) cannot be read on Linux aarch64:"
                + " this jar carries the compression libraries of the platform it was built on");
        assertThat(analysis.getAction()).contains("-Dslim.platform=");
    }
}
