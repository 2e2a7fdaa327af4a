package io.coinsphere.build;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Leaves out of the packaged jar what production never reads from its libraries: a browser's debugging aids (the
 * Hawtio console's JavaScript source maps) and the native libraries of other platforms (the compression codecs
 * carry builds for 8 to 25 systems). The same rule as the embedded PostgreSQL: the jar carries the binaries of the
 * platform it is built for. Run by the build after {@code spring-boot:repackage}, as a single-file program:
 * <pre>
 * java SlimJar.java &lt;jar&gt; [--platform=linux-amd64] [--drop=&lt;library glob&gt;:&lt;entry glob&gt;]...
 *     [--natives=&lt;library glob&gt;:&lt;platform&gt;=&lt;directory&gt;,...]...
 * </pre>
 * The build fails rather than ship a jar that lost what it needs: each rule must name exactly one library in the jar,
 * and the platform's own natives must be there. A platform no rule knows keeps the natives of every platform.
 */
public final class SlimJar {

    private static final String LIB = "BOOT-INF/lib/";
    private static final Pattern NATIVE = Pattern.compile(".*\\.(so|dll|dylib|jnilib|a)$");

    /** What to leave out of one nested library; at least one entry that {@code required} accepts must stay. */
    record Rule(String library, Pattern libraryPattern, Predicate<String> leaveOut, Predicate<String> required, String describe) {

        static Rule drop(String spec) {
            String[] parts = split(spec);
            Pattern entries = glob(parts[1]);
            return new Rule(parts[0], glob(parts[0]), n -> entries.matcher(n).matches(), n -> true, "left out " + parts[1]);
        }

        /** {@code spec}: {@code <library glob>:<platform>=<directory>,...}; null when the platform has no entry. */
        static Rule natives(String spec, String platform) {
            String[] parts = split(spec);
            Map<String, String> dirs = new LinkedHashMap<>();
            for (String pair : parts[1].split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                    throw new IllegalArgumentException("expected <platform>=<directory> in " + spec);
                }
                dirs.put(kv[0].trim(), kv[1].trim().endsWith("/") ? kv[1].trim() : kv[1].trim() + "/");
            }
            String dir = dirs.get(platform);
            if (dir == null) {
                return null;
            }
            Predicate<String> ours = n -> NATIVE.matcher(n).matches() && n.startsWith(dir);
            return new Rule(parts[0], glob(parts[0]), n -> NATIVE.matcher(n).matches() && !n.startsWith(dir), ours,
                    "natives of " + platform + " only (" + dir + ")");
        }

        private static String[] split(String spec) {
            int colon = spec.indexOf(':');
            if (colon <= 0 || colon == spec.length() - 1) {
                throw new IllegalArgumentException("expected <library glob>:<entries> in " + spec);
            }
            return new String[] {spec.substring(0, colon).trim(), spec.substring(colon + 1).trim()};
        }
    }

    /** One library rewritten: its size before and after, and how many entries it lost. */
    record Slimmed(String library, long before, long after, int leftOut, String describe) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %.1f -> %.1f MiB, %d entries %s", library, mib(before), mib(after), leftOut, describe);
        }
    }

    private SlimJar() {
    }

    public static void main(String[] args) throws IOException {
        Path jar = null;
        String platform = "";
        List<String> drops = new ArrayList<>();
        List<String> natives = new ArrayList<>();
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            } else if (arg.startsWith("--platform=")) {
                platform = arg.substring("--platform=".length()).trim();
            } else if (arg.startsWith("--drop=")) {
                drops.add(arg.substring("--drop=".length()));
            } else if (arg.startsWith("--natives=")) {
                natives.add(arg.substring("--natives=".length()));
            } else if (jar == null) {
                jar = Path.of(arg);
            } else {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
        }
        if (jar == null) {
            throw new IllegalArgumentException("usage: SlimJar <jar> [--platform=P] [--drop=lib:glob]... [--natives=lib:P=dir,...]...");
        }
        if (platform.isEmpty()) {
            platform = platformOf(System.getProperty("os.name"), System.getProperty("os.arch"));
        }
        List<Rule> rules = new ArrayList<>();
        drops.forEach(d -> rules.add(Rule.drop(d)));
        for (String spec : natives) {
            Rule rule = Rule.natives(spec, platform);
            if (rule == null) {
                System.out.println("SlimJar: no native directory for " + platform + " in " + spec + "; natives of all platforms kept");
            } else {
                rules.add(rule);
            }
        }
        long before = Files.size(jar);
        List<Slimmed> slimmed = slim(jar, rules);
        slimmed.forEach(s -> System.out.println("SlimJar: " + s));
        System.out.printf(Locale.ROOT, "SlimJar: %s %.1f -> %.1f MiB%n", jar.getFileName(), mib(before), mib(Files.size(jar)));
    }

    /** {@code linux-amd64}, {@code linux-arm64}, {@code darwin-arm64}, {@code windows-amd64}... of a JVM's os.name and os.arch. */
    static String platformOf(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String family = os.startsWith("linux") ? "linux"
                : os.startsWith("mac") || os.startsWith("darwin") ? "darwin"
                : os.startsWith("windows") ? "windows"
                : os.replaceAll("[^a-z0-9]", "");
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return family + "-" + arch;
    }

    /** A glob over entry names: {@code **} crosses directories, {@code *} and {@code ?} do not. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean dirs = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                regex.append(dirs ? "(?:.*/)?" : ".*");
                i += dirs ? 2 : 1;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /**
     * Rewrites the Spring Boot jar in place (through a temporary file, moved over it at the end): every other entry is
     * copied as it is, in its order; nested libraries stay stored uncompressed, as the loader reads them.
     */
    static List<Slimmed> slim(Path jar, List<Rule> rules) throws IOException {
        Map<Rule, Integer> matches = new LinkedHashMap<>();
        rules.forEach(r -> matches.put(r, 0));
        List<Slimmed> slimmed = new ArrayList<>();
        Path tmp = Files.createTempFile(jar.toAbsolutePath().getParent(), jar.getFileName().toString(), ".slim");
        try {
            try (ZipFile zip = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements();) {
                    ZipEntry entry = entries.nextElement();
                    byte[] data = zip.getInputStream(entry).readAllBytes();
                    String name = entry.getName();
                    if (name.startsWith(LIB) && name.indexOf('/', LIB.length()) < 0) {
                        String library = name.substring(LIB.length());
                        for (Rule rule : rules) {
                            if (rule.libraryPattern().matcher(library).matches()) {
                                matches.merge(rule, 1, Integer::sum);
                                Rewritten rewritten = rewrite(data, rule, library);
                                slimmed.add(new Slimmed(library, data.length, rewritten.data().length, rewritten.leftOut(), rule.describe()));
                                data = rewritten.data();
                            }
                        }
                    }
                    write(out, entry, data);
                }
            }
            matches.forEach((rule, count) -> {
                if (count != 1) {
                    throw new IllegalStateException("SlimJar: " + rule.library() + " names " + count + " libraries in " + jar
                            + ", expected exactly one (a dependency changed; update the rule in pom.xml)");
                }
            });
            copyPermissions(jar, tmp);
            Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return slimmed;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private record Rewritten(byte[] data, int leftOut) {
    }

    private static Rewritten rewrite(byte[] library, Rule rule, String name) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(library.length);
        int leftOut = 0;
        boolean required = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(library)); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (rule.leaveOut().test(entry.getName())) {
                    leftOut++;
                } else {
                    required |= rule.required().test(entry.getName());
                    write(out, entry, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
        if (!required) {
            throw new IllegalStateException("SlimJar: " + name + " has no " + rule.describe() + "; the jar would not run here");
        }
        return new Rewritten(bytes.toByteArray(), leftOut);
    }

    private static void write(ZipOutputStream out, ZipEntry source, byte[] data) throws IOException {
        ZipEntry copy = new ZipEntry(source.getName());
        copy.setTime(source.getTime());
        if (source.getMethod() == ZipEntry.STORED) {
            stored(copy, data);
        }
        out.putNextEntry(copy);
        out.write(data);
        out.closeEntry();
    }

    /** An entry written as it is, uncompressed: its size and checksum must be known before its data. */
    static void stored(ZipEntry entry, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        entry.setCrc(crc.getValue());
    }

    /** A temporary file is private to its owner; the jar keeps the permissions the build gave it. */
    private static void copyPermissions(Path from, Path to) throws IOException {
        if (Files.getFileStore(from).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }
}
