package io.coinsphere.exchangesync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the route tests: the service as {@link IntegrationTest} starts it (real PostgreSQL, Kafka, emulator), but
 * in a context of the test class's own, with a data directory of its own, since the tests advise routes
 * (AdviceWith) and that must not leak into the shared context of the end-to-end tests.
 */
@CamelSpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class RouteTest extends IntegrationTest {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        try {
            String dir = Files.createTempDirectory("coinsphere-route-test-").toString();
            registry.add("coinsphere.data-dir", () -> dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
