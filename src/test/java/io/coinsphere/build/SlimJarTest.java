package io.coinsphere.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build step that slims the packaged jar, on a small jar of the same layout as Spring Boot's. */
class SlimJarTest {

    private static final String ZSTD = "zstd-jni-*.jar:linux-amd64=linux/amd64,linux-arm64=linux/aarch64,darwin-arm64=darwin/aarch64";

    @TempDir
    Path dir;

    @Test
    void platformsAreNamedTheSameWhateverTheJvmCallsThem() {
        assertThat(SlimJar.platformOf("Linux", "amd64")).isEqualTo("linux-amd64");
        assertThat(SlimJar.platformOf("Linux", "x86_64")).isEqualTo("linux-amd64");
        assertThat(SlimJar.platformOf("Linux", "aarch64")).isEqualTo("linux-arm64");
        assertThat(SlimJar.platformOf("Mac OS X", "aarch64")).isEqualTo("darwin-arm64");
        assertThat(SlimJar.platformOf("Windows 11", "amd64")).isEqualTo("windows-amd64");
        assertThat(SlimJar.platformOf("FreeBSD", "amd64")).isEqualTo("freebsd-amd64");
    }

    @Test
    void globsCrossDirectoriesOnlyWithTwoStars() {
        assertThat(SlimJar.glob("**/*.map").matcher("hawtio-static/static/js/main.js.map").matches()).isTrue();
        assertThat(SlimJar.glob("**/*.map").matcher("top.map").matches()).isTrue();
        assertThat(SlimJar.glob("**/*.map").matcher("static/js/main.js").matches()).isFalse();
        assertThat(SlimJar.glob("*.map").matcher("static/main.js.map").matches()).isFalse();
        assertThat(SlimJar.glob("zstd-jni-*.jar").matcher("zstd-jni-1.5.6-4.jar").matches()).isTrue();
        assertThat(SlimJar.glob("org/apache/kafka/shaded/**").matcher("org/apache/kafka/shaded/com/google/A.class").matches()).isTrue();
        assertThat(SlimJar.glob("org/apache/kafka/shaded/**").matcher("org/apache/kafka/clients/A.class").matches()).isFalse();
    }

    @Test
    void leavesOutWhatTheRulesNameAndCopiesEverythingElseAsItWas() throws IOException {
        Path jar = bootJar(Map.of(
                "BOOT-INF/lib/hawtio-springboot-5.2.0.jar", library("hawtio-static/app.js", "hawtio-static/app.js.map", "io/hawt/A.class"),
                "BOOT-INF/lib/zstd-jni-1.5.6-4.jar", library("com/github/luben/zstd/Zstd.class", "linux/amd64/libzstd-jni.so",
                        "linux/aarch64/libzstd-jni.so", "win/amd64/libzstd-jni.dll", "darwin/aarch64/libzstd-jni.dylib"),
                "BOOT-INF/lib/other-1.0.jar", library("x/Other.class", "x/Other.class.map")));

        List<SlimJar.Slimmed> slimmed = SlimJar.slim(jar, List.of(SlimJar.Rule.drop("hawtio-springboot-*.jar:**/*.map"),
                SlimJar.Rule.natives(ZSTD, "linux-amd64")));

        assertThat(slimmed).extracting(SlimJar.Slimmed::library, SlimJar.Slimmed::leftOut)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hawtio-springboot-5.2.0.jar", 1),
                        org.assertj.core.groups.Tuple.tuple("zstd-jni-1.5.6-4.jar", 3));
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("META-INF/MANIFEST.MF",
                    "BOOT-INF/classes/App.class", "BOOT-INF/lib/hawtio-springboot-5.2.0.jar", "BOOT-INF/lib/other-1.0.jar",
                    "BOOT-INF/lib/zstd-jni-1.5.6-4.jar");
            assertThat(new String(zip.getInputStream(zip.getEntry("META-INF/MANIFEST.MF")).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("Main-Class");
            for (String lib : List.of("hawtio-springboot-5.2.0.jar", "other-1.0.jar", "zstd-jni-1.5.6-4.jar")) {
                // The loader reads nested jars in place: they must stay stored, not compressed.
                assertThat(zip.getEntry("BOOT-INF/lib/" + lib).getMethod()).as(lib).isEqualTo(ZipEntry.STORED);
            }
            assertThat(entries(zip, "hawtio-springboot-5.2.0.jar")).containsExactly("hawtio-static/app.js", "io/hawt/A.class");
            assertThat(entries(zip, "zstd-jni-1.5.6-4.jar")).containsExactly("com/github/luben/zstd/Zstd.class",
                    "linux/amd64/libzstd-jni.so");
            assertThat(entries(zip, "other-1.0.jar")).as("no rule: untouched").containsExactly("x/Other.class", "x/Other.class.map");
        }
        assertThat(dir.toFile().list()).as("no temporary file left").containsExactly("app.jar");
    }

    @Test
    void aPlatformWithoutItsNativesFailsTheBuildAndLeavesTheJarAsItWas() throws IOException {
        Path jar = bootJar(Map.of("BOOT-INF/lib/zstd-jni-1.5.6-4.jar", library("com/github/luben/zstd/Zstd.class",
                "linux/aarch64/libzstd-jni.so")));
        byte[] before = Files.readAllBytes(jar);

        assertThatThrownBy(() -> SlimJar.slim(jar, List.of(SlimJar.Rule.natives(ZSTD, "linux-amd64"))))
                .hasMessageContaining("zstd-jni-1.5.6-4.jar has no natives of linux-amd64");
        assertThat(Files.readAllBytes(jar)).isEqualTo(before);
        assertThat(dir.toFile().list()).containsExactly("app.jar");
    }

    @Test
    void aRuleThatNamesNoLibraryFailsTheBuild() throws IOException {
        Path jar = bootJar(Map.of("BOOT-INF/lib/other-1.0.jar", library("x/Other.class")));

        assertThatThrownBy(() -> SlimJar.slim(jar, List.of(SlimJar.Rule.drop("hawtio-springboot-*.jar:**/*.map"))))
                .hasMessageContaining("hawtio-springboot-*.jar names 0 libraries");
    }

    @Test
    void aPlatformNoRuleKnowsKeepsEveryNative() {
        assertThat(SlimJar.Rule.natives(ZSTD, "linux-riscv64")).isNull();
    }

    @Test
    void slimmingTwiceChangesNothingMore() throws IOException {
        Path jar = bootJar(Map.of("BOOT-INF/lib/zstd-jni-1.5.6-4.jar", library("linux/amd64/libzstd-jni.so", "win/amd64/libzstd-jni.dll")));
        SlimJar.slim(jar, List.of(SlimJar.Rule.natives(ZSTD, "linux-amd64")));
        byte[] once = Files.readAllBytes(jar);

        List<SlimJar.Slimmed> again = SlimJar.slim(jar, List.of(SlimJar.Rule.natives(ZSTD, "linux-amd64")));

        assertThat(again).extracting(SlimJar.Slimmed::leftOut).containsExactly(0);
        assertThat(Files.readAllBytes(jar)).isEqualTo(once);
    }

    private Path bootJar(Map<String, byte[]> libraries) throws IOException {
        Path jar = dir.resolve("app.jar");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.launch.JarLauncher\n"
                .getBytes(StandardCharsets.UTF_8));
        entries.put("BOOT-INF/classes/App.class", new byte[] {1, 2, 3});
        libraries.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> entries.put(e.getKey(), e.getValue()));
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(0);
                if (e.getKey().startsWith("BOOT-INF/lib/")) {
                    SlimJar.stored(entry, e.getValue());
                }
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return jar;
    }

    private static byte[] library(String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (String name : names) {
                ZipEntry entry = new ZipEntry(name);
                entry.setTime(0);
                out.putNextEntry(entry);
                out.write(name.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static List<String> entries(ZipFile zip, String library) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(zip.getInputStream(zip.getEntry("BOOT-INF/lib/" + library)))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as("content of " + e.getName()).isEqualTo(e.getName());
            }
        }
        return names;
    }
}
