package io.coinsphere.exchangesync.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** What the image's COINSPHERE_REQUIRE_EXTERNAL_SERVICES=true does to a start without a database or master key. */
class ExternalServicesRequiredTest {

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", variables));
        return environment;
    }

    private static void check(Map<String, Object> variables) {
        new ExternalServicesRequired().postProcessEnvironment(environment(variables), new SpringApplication());
    }

    @Test
    void theImagesFlagRefusesAStartWithoutDatabaseAndKeyNamingBoth() {
        assertThatThrownBy(() -> check(Map.of("COINSPHERE_REQUIRE_EXTERNAL_SERVICES", "true")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SPRING_DATASOURCE_URL").hasMessageContaining("ENCRYPTION_KEY");
        assertThatThrownBy(() -> check(Map.of("COINSPHERE_REQUIRE_EXTERNAL_SERVICES", "true",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/coinsphere")))
                .hasMessageContaining("ENCRYPTION_KEY").hasMessageNotContaining("SPRING_DATASOURCE_URL (");
        assertThatThrownBy(() -> check(Map.of("COINSPHERE_REQUIRE_EXTERNAL_SERVICES", "true", "ENCRYPTION_KEY", "k")))
                .hasMessageContaining("SPRING_DATASOURCE_URL").hasMessageNotContaining("ENCRYPTION_KEY (");
    }

    @Test
    void withBothOrWithoutTheFlagTheServiceStarts() {
        assertThatCode(() -> check(Map.of("COINSPHERE_REQUIRE_EXTERNAL_SERVICES", "true",
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://db:5432/coinsphere", "ENCRYPTION_KEY", "k"))).doesNotThrowAnyException();
        assertThatCode(() -> check(Map.of())).as("mvn spring-boot:run: embedded defaults").doesNotThrowAnyException();
    }
}
