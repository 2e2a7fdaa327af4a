package io.coinsphere.exchangesync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * The route files in {@code src/main/resources/routes/} read as plain YAML: the checks an IDE cannot make on
 * them. A bean is referenced by a type and a public method that exist (a renamed class or method fails here, not
 * at start-up); every route has an id; a REST verb's worker runs under rest-errors; the timers run under
 * timer-errors.
 */
class RouteFilesTest {

    private static final List<Map<String, Object>> ROUTES = new ArrayList<>();
    private static final List<Map<String, Object>> VERBS = new ArrayList<>();
    private static final List<Map<String, Object>> BEANS = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:routes/*.camel.yaml");
        assertThat(files).isNotEmpty();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                for (Object entry : (List<Object>) new Yaml().load(in)) {
                    Map<String, Object> item = (Map<String, Object>) entry;
                    if (item.containsKey("route")) {
                        ROUTES.add((Map<String, Object>) item.get("route"));
                    }
                    if (item.containsKey("rest")) {
                        Map<String, Object> rest = (Map<String, Object>) item.get("rest");
                        for (String verb : List.of("get", "post", "put", "patch", "delete", "head")) {
                            VERBS.addAll((List<Map<String, Object>>) rest.getOrDefault(verb, List.of()));
                        }
                    }
                    collectBeans(item);
                }
            }
        }
    }

    @Test
    void everyBeanIsATypeWithThatPublicMethod() throws Exception {
        assertThat(BEANS).isNotEmpty();
        for (Map<String, Object> bean : BEANS) {
            assertThat(bean).as("beans are referenced by type (beanType), never by a name").containsKey("beanType")
                    .doesNotContainKey("ref");
            Class<?> type = Class.forName((String) bean.get("beanType"));
            // A method may name its arguments, e.g. awaitBelow({{coinsphere.sync.queue-high-watermark}}).
            String method = ((String) bean.get("method")).replaceFirst("\\(.*$", "");
            assertThat(Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(method))
                    .map(Method::getModifiers).anyMatch(Modifier::isPublic))
                    .as(type.getName() + "." + method).isTrue();
        }
    }

    @Test
    void everyRouteHasAnIdAndEveryRestWorkerRunsUnderRestErrors() {
        Map<String, Map<String, Object>> byFrom = new HashMap<>();
        for (Map<String, Object> route : ROUTES) {
            assertThat(route.get("id")).as(route.toString()).isNotNull();
            byFrom.put(String.valueOf(((Map<?, ?>) route.get("from")).get("uri")), route);
        }
        assertThat(VERBS).isNotEmpty();
        for (Map<String, Object> verb : VERBS) {
            Map<String, Object> worker = byFrom.get(String.valueOf(verb.get("to")));
            if (worker != null) {
                assertThat(worker.get("routeConfigurationId")).as(worker.get("id") + " behind a REST verb")
                        .isEqualTo("rest-errors");
            }
        }
    }

    @Test
    void theTimersRunUnderTimerErrors() {
        List<String> timers = List.of("prices-timer", "prices-refresh", "history-compaction-timer", "history-compaction",
                "ratelimit-expire", "fanout-quartz", "fanout-claim");
        for (Map<String, Object> route : ROUTES) {
            if (timers.contains(route.get("id"))) {
                assertThat(route.get("routeConfigurationId")).as(String.valueOf(route.get("id"))).isEqualTo("timer-errors");
            }
        }
        assertThat(ROUTES).filteredOn(route -> timers.contains(route.get("id"))).hasSize(timers.size());
    }

    @SuppressWarnings("unchecked")
    private static void collectBeans(Object node) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("bean".equals(key) && value instanceof Map<?, ?> bean) {
                    BEANS.add((Map<String, Object>) bean);
                }
                collectBeans(value);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(RouteFilesTest::collectBeans);
        }
    }
}
