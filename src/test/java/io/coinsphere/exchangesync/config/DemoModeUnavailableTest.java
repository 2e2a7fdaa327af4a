package io.coinsphere.exchangesync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;

/** The packaged jar's answer to --coinsphere.demo=true (DemoModeIT covers the source tree, where demo mode runs). */
class DemoModeUnavailableTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    @Test
    void bothSpellingsOfTheSwitchAskForDemoMode() {
        assertThat(DemoModeUnavailable.requested(environment(Map.of("coinsphere.demo", "true")))).isTrue();
        assertThat(DemoModeUnavailable.requested(environment(Map.of("coinsphere.demo.enabled", "TRUE")))).isTrue();
        assertThat(DemoModeUnavailable.requested(environment(Map.of("coinsphere.demo", "false")))).isFalse();
        assertThat(DemoModeUnavailable.requested(environment(Map.of()))).isFalse();
    }

    @Test
    void theClassItLooksForIsTheDemoSwitch() {
        // The tests see src/dev: if the class moved, the jar would refuse demo mode on a wrong name.
        assertThat(ClassUtils.isPresent(DemoModeUnavailable.DEMO_ENVIRONMENT, getClass().getClassLoader())).isTrue();
    }

    @Test
    void theFailureIsReportedAsOneLineWithoutAStackTrace() {
        var analysis = new DemoModeUnavailable.Analyzer().analyze(new IllegalStateException(new DemoModeUnavailable.Missing()));

        assertThat(analysis.getDescription()).isEqualTo(DemoModeUnavailable.MESSAGE).doesNotContain("\n");
        assertThat(analysis.getAction()).contains("without --coinsphere.demo=true");
    }
}
