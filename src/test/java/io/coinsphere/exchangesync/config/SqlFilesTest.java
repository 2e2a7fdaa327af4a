package io.coinsphere.exchangesync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SqlFilesTest {

    @Test
    void countsEveryOccurrenceButNotInCommentLines() {
        assertThat(SqlFiles.parameterCount("""
                -- takes :#ignored
                UPDATE t SET a = :#a, b = :#b::text
                  -- :#alsoIgnored
                WHERE id = :#id OR other = :#id
                """)).isEqualTo(4);
    }

    @Test
    void theEndpointCarriesTheCountAndTheOptions() {
        assertThat(SqlFiles.endpoint("fanout-release.sql", "noop=true"))
                .isEqualTo("sql:classpath:sql/fanout-release.sql?parametersCount=1&noop=true");
    }

    @Test
    void aMissingFileFailsAtRouteBuildingNotAtTheFirstSync() {
        assertThatThrownBy(() -> SqlFiles.endpoint("missing.sql", "")).hasMessageContaining("sql/missing.sql");
    }
}
