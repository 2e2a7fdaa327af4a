package io.coinsphere.exchangesync.bench;

import io.coinsphere.exchangesync.ExchangeSyncApplication;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import io.coinsphere.exchangesync.vault.CredentialVault;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One service instance with its production settings and embedded defaults (PostgreSQL, and the KRaft
 * node unless Kafka is off), pointed at the emulator. Only what a benchmark must change is changed:
 * free ports, its own data directory, the Quartz fan-out off (cycles are started on cue), logs to a file.
 */
final class BenchService implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final double startupSeconds;
    private final Path dataDir;

    private BenchService(ConfigurableApplicationContext context, double startupSeconds, Path dataDir) {
        this.context = context;
        this.startupSeconds = startupSeconds;
        this.dataDir = dataDir;
    }

    /** The instance's data directory; its log and the JFR recordings stay there. */
    Path dataDir() {
        return dataDir;
    }

    static BenchService start(Path dataDir, EmulatorProcess emulator, boolean kafka, List<String> extra) {
        return start(dataDir, emulator, kafka, false, extra);
    }

    /**
     * With {@code budgets} the exchange budgets are the service's own defaults (what a deployment runs with) and the
     * fan-out runs on its timer; otherwise budgets are off and the benchmark drives the fan-out.
     */
    static BenchService start(Path dataDir, EmulatorProcess emulator, boolean kafka, boolean budgets, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--coinsphere.data-dir=" + dataDir.toAbsolutePath(),
                "--coinsphere.kafka.enabled=" + kafka,
                "--coinsphere.kafka.embedded-port=0",
                "--coinsphere.sync.fanout-enabled=" + budgets,
                // Every finished sync still writes its INFO line, to a file: the cost stays, the console stays readable.
                "--logging.file.name=" + dataDir.toAbsolutePath().resolve("service.log"),
                "--logging.threshold.console=WARN"));
        for (ExchangeId id : ExchangeId.values()) {
            args.add("--coinsphere.exchanges." + id.id() + ".base-url=" + emulator.baseUrl(id));
        }
        // Budgets off unless the caller sets them (the budget phase): a repeated key would become a list.
        java.util.Set<String> given = new java.util.HashSet<>();
        extra.forEach(a -> given.add(a.contains("=") ? a.substring(0, a.indexOf('=')) : a));
        for (ExchangeId id : budgets ? new ExchangeId[0] : ExchangeId.values()) {
            for (String key : List.of("capacity", "refill")) {
                String name = "--coinsphere.exchanges." + id.id() + ".budget." + key;
                if (!given.contains(name)) {
                    args.add(name + "=1000000000");
                }
            }
        }
        args.addAll(extra);
        // The instance's embedded PostgreSQL (EmbeddedPostgresConfiguration) keeps its data, and its pid file, here.
        ProcessCpu.watchPostgres(dataDir.toAbsolutePath().resolve("postgres"));
        long start = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ExchangeSyncApplication.class)
                .run(args.toArray(String[]::new));
        return new BenchService(context, (System.nanoTime() - start) / 1e9, dataDir);
    }

    /** From the start call until Spring reported the application ready (database, broker, routes, web server). */
    double startupSeconds() {
        return startupSeconds;
    }

    int port() {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A setting as the instance resolved it (defaults included). */
    String property(String name) {
        return context.getEnvironment().getProperty(name);
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    CredentialVault vault() {
        return context.getBean(CredentialVault.class);
    }

    io.micrometer.core.instrument.MeterRegistry meters() {
        return context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
    }

    /** A bean of the running service (the benchmark's own in-process measurements). */
    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

        ProducerTemplate producer() {
        return context.getBean(CamelContext.class).createProducerTemplate();
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
