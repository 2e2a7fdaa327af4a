package io.coinsphere.exchangesync.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Demo mode and the exchange emulator are development tools that the production jar does not carry: asked for
 * there, the start stops with one line that says so, instead of silently running without the demo accounts (or
 * failing later on the missing emulator).
 */
public class DemoModeUnavailable implements EnvironmentPostProcessor, Ordered {

    /** Present wherever demo mode is (the tests and {@code mvn spring-boot:run}), absent from the jar. */
    static final String DEMO_ENVIRONMENT = "io.coinsphere.exchangesync.demo.DemoEnvironment";

    static final String MESSAGE = "Demo mode is a development tool and is not in this build: run it from the source tree"
            + " with mvn spring-boot:run -Dspring-boot.run.arguments=--coinsphere.demo=true";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (requested(environment) && !ClassUtils.isPresent(DEMO_ENVIRONMENT, getClass().getClassLoader())) {
            throw new Missing();
        }
    }

    static boolean requested(ConfigurableEnvironment environment) {
        return "true".equalsIgnoreCase(environment.getProperty("coinsphere.demo"))
                || "true".equalsIgnoreCase(environment.getProperty("coinsphere.demo.enabled"));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 5;
    }

    /** The start's failure: reported by {@link Analyzer} as one line, without a stack trace. */
    static final class Missing extends IllegalStateException {
        Missing() {
            super(MESSAGE);
        }
    }

    /** Turns {@link Missing} into Spring Boot's short "APPLICATION FAILED TO START" report. */
    static final class Analyzer extends AbstractFailureAnalyzer<Missing> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, Missing cause) {
            return new FailureAnalysis(MESSAGE, "Start without --coinsphere.demo=true.", cause);
        }
    }
}
