package io.coinsphere.exchangesync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgStatementsTest {

    /** A statement file as pg_stat_statements shows it: parameters and constants become $n. */
    private static String asRecorded(String file) throws IOException {
        try (InputStream in = PgStatementsTest.class.getResourceAsStream("/sql/" + file)) {
            assertThat(in).as(file).isNotNull();
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // Comments first: an apostrophe in one is no string constant.
            return sql.replaceAll("--[^\\n]*", " ").replaceAll(":#\\w+", "\\$1")
                    .replaceAll("'[^']*'", "\\$2").replaceAll("\\b\\d+\\b", "\\$3");
        }
    }

    @Test
    void eachFragmentNamesExactlyOneStatementFile() throws IOException {
        for (String file : PgStatements.FILES.values()) {
            assertThat(PgStatements.name(asRecorded(file))).as(file).isEqualTo(file);
        }
        for (String fragment : PgStatements.FILES.keySet()) {
            long files = 0;
            for (String file : PgStatements.FILES.values()) {
                String text = asRecorded(file).replaceAll("\\s+", " ");
                files += text.toLowerCase().contains(fragment.toLowerCase()) ? 1 : 0;
            }
            assertThat(files).as(fragment).isEqualTo(1);
        }
    }

    @Test
    void unknownStatementsAreNamedByTheirCollapsedText() {
        assertThat(PgStatements.name("/* x */ SELECT  id,\n   email FROM users\nWHERE id = $1"))
                .isEqualTo("SELECT id, email FROM users WHERE id = $1");
        assertThat(PgStatements.name("-- why\nSELECT c.id, c.exchange, c.status, c.last_sync_at, c.last_error FROM exchange_connections c"))
                .isEqualTo("SELECT c.id, c.exchange, c.status, c.last_sync_at, c.last_er...");
        assertThat(PgStatements.name("BEGIN")).isEqualTo("BEGIN");
    }

    @Test
    void rankedByPlanPlusExecTimeWithSharesPerSync() {
        List<PgStatements.Statement> statements = List.of(
                new PgStatements.Statement("sync-lease.sql", 100, 20, 10.0, 2.0),
                new PgStatements.Statement("COMMIT", 300, 0, 3.0, 0.0),
                new PgStatements.Statement("holdings-upsert.sql", 60, 60, 20.0, 5.0),
                new PgStatements.Statement("holdings-upsert.sql", 40, 40, 8.0, 2.0));

        List<PgStatements.Statement> ranked = PgStatements.rank(statements);

        assertThat(ranked).extracting(PgStatements.Statement::name).containsExactly("holdings-upsert.sql", "sync-lease.sql", "COMMIT");
        assertThat(ranked.get(0).calls()).isEqualTo(100);
        assertThat(PgStatements.summary(statements, 100))
                .isEqualTo("5.00 statements, 0.500 ms plan + exec per sync (3 distinct, 100 syncs)");
        assertThat(PgStatements.row(ranked.get(0), 100, 50.0))
                .isEqualTo("1.00 per sync, per call exec 0.280 ms / plan 0.070 ms (planned 100 % of calls), 70.0 % of the time");
    }
}
