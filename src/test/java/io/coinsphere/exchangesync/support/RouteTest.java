package io.coinsphere.exchangesync.support;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Base of the route tests: the service as {@link IntegrationTest} starts it (real PostgreSQL, Kafka, emulator), but
 * in a context of the test class's own (its own data directory, PostgreSQL and Kafka), since the tests advise routes
 * (AdviceWith) and that must not leak into the shared context of the end-to-end tests.
 */
@CamelSpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class RouteTest extends IntegrationTest {
}
