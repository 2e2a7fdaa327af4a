package io.coinsphere.exchangesync.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.support.IntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The parameter count each camel-sql endpoint is given is the one PostgreSQL sees: a count too high fails every
 * execution, one too low would leave a parameter unset.
 */
class SqlFilesIT extends IntegrationTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void everyStatementsCountMatchesWhatTheServerDescribes() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:sql/*.sql");
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        try (Connection connection = dataSource.getConnection()) {
            for (Resource file : files) {
                String sql = SqlFiles.read(file.getFilename());
                // What camel-sql sends: comment lines dropped, each named parameter a placeholder.
                String sent = sql.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"))
                        .replaceAll(":#[A-Za-z0-9_]+", "?");
                try (PreparedStatement statement = connection.prepareStatement(sent)) {
                    assertThat(SqlFiles.parameterCount(sql)).as(file.getFilename())
                            .isEqualTo(statement.getParameterMetaData().getParameterCount())
                            .isPositive();
                }
            }
        }
    }
}
