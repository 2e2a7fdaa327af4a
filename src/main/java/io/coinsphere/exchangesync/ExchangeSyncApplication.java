package io.coinsphere.exchangesync;

import io.coinsphere.exchangesync.config.JvmMemoryDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Entry point: the Camel pipeline, REST API and embedded defaults are wired by Spring Boot. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExchangeSyncApplication {
    public static void main(String[] args) {
        JvmMemoryDefaults.apply();
        SpringApplication.run(ExchangeSyncApplication.class, args);
    }
}
