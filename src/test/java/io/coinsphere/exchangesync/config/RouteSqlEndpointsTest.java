package io.coinsphere.exchangesync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The route files name their camel-sql statements with the parameter count (see {@link SqlFiles}): a count that no
 * longer matches its statement after an edit would fail every execution, so it is checked here, not found in production.
 */
class RouteSqlEndpointsTest {

    private static final Pattern SQL_ENDPOINT = Pattern.compile("sql:classpath:sql/([a-z0-9-]+\\.sql)\\?([^\"\\s]*)");

    @Test
    void everySqlEndpointDeclaresItsStatementsParameterCount() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:routes/*.camel.yaml")) {
            String yaml = file.getContentAsString(StandardCharsets.UTF_8);
            Matcher m = SQL_ENDPOINT.matcher(yaml);
            while (m.find()) {
                String statement = m.group(1);
                assertThat(m.group(2)).as(file.getFilename() + ": " + statement)
                        .contains("parametersCount=" + SqlFiles.parameterCount(SqlFiles.read(statement)));
                checked.add(statement);
            }
        }
        assertThat(checked).contains("sync-lease.sql", "sync-failure.sql", "holdings-upsert.sql", "fanout-tick.sql",
                "fanout-claim.sql", "fanout-release.sql");
    }

    @Test
    void routeFilesReferenceBeansByType() throws Exception {
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:routes/*.camel.yaml")) {
            String yaml = file.getContentAsString(StandardCharsets.UTF_8);
            // A bean-name string (ref: someBean) is what an IDE cannot follow; #type: references are fine.
            assertThat(yaml.lines().filter(l -> l.strip().startsWith("ref:") && !l.contains("#type:")))
                    .as(file.getFilename()).isEmpty();
        }
    }
}
