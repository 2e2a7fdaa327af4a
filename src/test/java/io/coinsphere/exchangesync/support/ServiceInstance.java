package io.coinsphere.exchangesync.support;

import io.coinsphere.exchangesync.ExchangeSyncApplication;
import io.coinsphere.exchangesync.emulator.ExchangeEmulator;
import io.coinsphere.exchangesync.exchange.ExchangeId;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** One running instance of the service in this JVM, started with command-line style arguments. */
public final class ServiceInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts an instance named {@code name} against the given emulator, plus any extra arguments. */
    public static ServiceInstance start(String name, ExchangeEmulator emulator, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--camel.springboot.name=" + name,
                "--spring.application.name=" + name,
                "--spring.jmx.enabled=false",
                "--camel.main.jmx-enabled=false"));
        for (ExchangeId id : ExchangeId.values()) {
            args.add("--coinsphere.exchanges." + id.id() + ".base-url=" + emulator.baseUrl(id));
        }
        args.addAll(List.of(extra));
        return new ServiceInstance(new SpringApplicationBuilder(ExchangeSyncApplication.class).run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((ServletWebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public CamelContext camel() {
        return context.getBean(CamelContext.class);
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
