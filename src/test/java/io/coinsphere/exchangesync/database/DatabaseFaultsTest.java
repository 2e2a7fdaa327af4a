package io.coinsphere.exchangesync.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

class DatabaseFaultsTest {

    @Test
    void aPoolThatCannotHandOutAConnectionIsAFault() {
        // What Hikari throws when the connection timeout runs out, as Spring's JdbcTemplate wraps it.
        assertThat(DatabaseFaults.isDatabaseFault(new CannotGetJdbcConnectionException("no connection",
                new SQLTransientConnectionException("pool - Connection is not available, request timed out after 5000ms")))).isTrue();
    }

    @Test
    void aBrokenOrShuttingDownServerIsAFaultWhereverItIsWrapped() {
        // The socket timeout (08006) and an administrator's shutdown (57P01), as camel-sql or a bean may wrap them.
        assertThat(DatabaseFaults.isDatabaseFault(new RuntimeException(new UncategorizedSQLException("update", "UPDATE",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"))))).isTrue();
        assertThat(DatabaseFaults.isDatabaseFault(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseFaults.isDatabaseFault(new SQLException("canceling statement due to statement timeout",
                "57014"))).isTrue();
    }

    @Test
    void aWrongQueryOrAViolatedConstraintIsNot() {
        assertThat(DatabaseFaults.isDatabaseFault(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseFaults.isDatabaseFault(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseFaults.isDatabaseFault(new IllegalStateException("no state"))).isFalse();
    }
}
