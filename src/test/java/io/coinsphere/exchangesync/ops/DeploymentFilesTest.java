package io.coinsphere.exchangesync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.auth.JwtProperties;
import io.coinsphere.exchangesync.auth.Roles;
import io.coinsphere.exchangesync.config.CoinsphereProperties;
import io.coinsphere.exchangesync.config.ExternalServicesRequired;
import io.coinsphere.exchangesync.exchange.ExchangesProperties;
import io.coinsphere.exchangesync.sync.SyncProperties;
import io.coinsphere.exchangesync.vault.VaultProperties;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the tests do, so the deployment files are checked by reading them: the compose
 * services, their health checks, ports and environment against what the application actually reads.
 */
class DeploymentFilesTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    @Test
    void composeRunsPostgresKafkaAndTheServiceWithHealthChecks() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        assertThat(services).containsOnlyKeys("postgres", "kafka", "app");
        for (String name : services.keySet()) {
            Map<String, Object> healthcheck = map(map(services.get(name)).get("healthcheck"));
            assertThat(healthcheck).as(name).containsKey("test");
            assertThat(map(services.get(name)).get("volumes")).as(name + " keeps its data in a volume").isNotNull();
        }
        assertThat(map(services.get("postgres")).get("image")).asString().startsWith("postgres:16");
        Map<String, Object> kafka = map(services.get("kafka"));
        assertThat(kafka.get("image")).asString().startsWith("apache/kafka:");
        assertThat(env(kafka).get("KAFKA_PROCESS_ROLES")).as("KRaft: broker and controller in one node")
                .isEqualTo("broker,controller");

        Map<String, Object> app = map(services.get("app"));
        assertThat(app.get("build")).isEqualTo(".");
        assertThat(map(app.get("depends_on"))).allSatisfy((service, condition) ->
                assertThat(map(condition).get("condition")).isEqualTo("service_healthy"));
        assertThat(String.valueOf(map(app.get("healthcheck")).get("test"))).contains("/actuator/health");
    }

    @Test
    void theServicePortIsTheApplicationsPort() throws IOException {
        Object port = map(applicationYaml().get("server")).get("port");
        assertThat(port).isEqualTo(3001);
        assertThat(list(map(map(compose().get("services")).get("app")).get("ports"))).containsExactly(port + ":" + port);
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("EXPOSE " + port);
        assertThat(Pattern.compile("^FROM ", Pattern.MULTILINE).matcher(dockerfile).results().count())
                .as("multi-stage build").isEqualTo(2);
        assertThat(dockerfile).containsPattern("(?m)^USER coinsphere$").contains("ENTRYPOINT [\"java\"");
    }

    /** The package step runs source files of the tree (build/SlimJar); the image's build stage must copy them in. */
    @Test
    void theImageBuildHasEverySourceFolderThePackageStepRuns() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        List<String> folders = Pattern.compile("\\$\\{project\\.basedir}/(src/[a-z]+)/").matcher(Files.readString(Path.of("pom.xml")))
                .results().map(m -> m.group(1)).distinct()
                // src/test holds the tests, src/dev the development tools: neither is part of the image's jar.
                .filter(folder -> !folder.equals("src/test") && !folder.equals("src/dev")).toList();
        assertThat(folders).contains("src/build");
        for (String folder : folders) {
            assertThat(dockerfile).as(folder).containsPattern("(?m)^COPY " + folder + " ");
        }
    }

    @Test
    void theImageRefusesToStartWithoutItsOwnDatabaseAndMasterKey() throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        String variable = ExternalServicesRequired.FLAG.replaceAll("[.-]", "_").toUpperCase(Locale.ROOT);
        assertThat(dockerfile).containsPattern("(?m)^ENV " + variable + "=true$");
        // The runtime stage sets it (the build stage runs no service).
        assertThat(dockerfile.substring(dockerfile.lastIndexOf("FROM "))).contains("ENV " + variable + "=true");
        Map<String, Object> appEnv = env(map(map(compose().get("services")).get("app")));
        assertThat(appEnv).as("compose gives the image what it requires").containsKeys("SPRING_DATASOURCE_URL", "ENCRYPTION_KEY");
    }

    @Test
    void prometheusGetsItsOwnScrapeTokenFromTheEnvironment() throws IOException {
        Map<String, Object> appEnv = env(map(map(compose().get("services")).get("app")));
        assertThat(appEnv.get("PROMETHEUS_SCRAPE_TOKEN")).asString().startsWith("${");
        assertThat(readByTheApplication()).contains("PROMETHEUS_SCRAPE_TOKEN");
        assertThat(Files.readString(Path.of("docs/operations.md"))).contains("PROMETHEUS_SCRAPE_TOKEN");
    }

    @Test
    void everyVariableTheServiceIsGivenIsOneTheApplicationReads() throws IOException {
        Map<String, Object> appEnv = env(map(map(compose().get("services")).get("app")));
        Set<String> read = readByTheApplication();
        assertThat(appEnv.keySet()).allSatisfy(name -> assertThat(read).as(name).contains(name));
        assertThat(appEnv).containsKeys("SPRING_DATASOURCE_URL", "ENCRYPTION_KEY", "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(appEnv.get("SPRING_DATASOURCE_URL")).asString().startsWith("jdbc:postgresql://postgres:5432/coinsphere");
        assertThat(appEnv.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
    }

    @Test
    void secretsComeFromTheUncommittedEnvFileAndTheExampleNamesThemAll() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        Map<String, Object> appEnv = env(map(services.get("app")));
        for (String secret : List.of("SPRING_DATASOURCE_PASSWORD", "ENCRYPTION_KEY")) {
            assertThat(appEnv.get(secret)).as(secret).asString().startsWith("${");
        }
        assertThat(env(map(services.get("postgres"))).get("POSTGRES_PASSWORD")).asString().startsWith("${");

        Set<String> used = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(Files.readString(Path.of("docker-compose.yml")));
        while (m.find()) {
            used.add(m.group(1));
        }
        String example = Files.readString(Path.of(".env.example"));
        assertThat(used).isNotEmpty().allSatisfy(name -> assertThat(example).containsPattern("(?m)^" + name + "="));
        assertThat(Files.readAllLines(Path.of(".gitignore"))).contains(".env");
        assertThat(example).doesNotContainPattern("(?m)^ENCRYPTION_KEY=\\S");
    }

    /**
     * Environment names the application reads: the relaxed-binding forms of its configuration properties (every
     * {@code @ConfigurationProperties} record component and every key of application.yaml), the {@code ${NAME}}
     * placeholders of application.yaml, Boot's datasource settings, and ENCRYPTION_KEY(S) (read by name by the vault).
     */
    private static Set<String> readByTheApplication() throws IOException {
        Set<String> properties = new HashSet<>(List.of("spring.datasource.url", "spring.datasource.username",
                "spring.datasource.password", "logging.structured.format.console"));
        flatten("", applicationYaml(), properties);
        for (Class<?> type : List.of(CoinsphereProperties.class, JwtProperties.class, VaultProperties.class,
                SyncProperties.class, ExchangesProperties.Settings.class, Roles.class, OpsProperties.class,
                io.coinsphere.exchangesync.kafka.KafkaSettings.class)) {
            String prefix = type.getAnnotation(ConfigurationProperties.class).prefix();
            for (RecordComponent component : type.getRecordComponents()) {
                properties.add(prefix + "." + kebab(component.getName()));
            }
        }
        Set<String> names = new HashSet<>();
        properties.forEach(p -> names.add(p.replaceAll("[.-]", "_").toUpperCase(Locale.ROOT)));
        Matcher m = VARIABLE.matcher(Files.readString(Path.of("src/main/resources/application.yaml")));
        while (m.find()) {
            names.add(m.group(1));
        }
        String vault = Files.readString(Path.of("src/main/java/io/coinsphere/exchangesync/vault/VaultConfig.java"));
        if (vault.contains("env.getProperty(\"ENCRYPTION_KEY\")")) {
            names.add("ENCRYPTION_KEY");
        }
        if (vault.contains("env.getProperty(\"ENCRYPTION_KEYS\")")) {
            names.add("ENCRYPTION_KEYS");
        }
        return names;
    }

    private static void flatten(String prefix, Map<String, Object> yaml, Set<String> into) {
        yaml.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?>) {
                flatten(name, map(value), into);
            } else {
                into.add(name);
            }
        });
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> compose() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("docker-compose.yml"))) {
            return new Yaml().load(in);
        }
    }

    private static Map<String, Object> applicationYaml() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.yaml"))) {
            return new Yaml().load(in);
        }
    }

    private static Map<String, Object> env(Map<String, Object> service) {
        return map(service.get("environment"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
