package io.coinsphere.exchangesync.database;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Tells a database that cannot answer (unreachable, stalled, shutting down, out of connections) from a query that
 * is wrong. The first is nobody's fault in the request: it is answered 503 and a sync is retried, never recorded
 * as the exchange's failure.
 */
public final class DatabaseFaults {

    private DatabaseFaults() {
    }

    /** True when {@code error}, or any of its causes, says the database could not answer. */
    public static boolean isDatabaseFault(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof RecoverableDataAccessException || t instanceof QueryTimeoutException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && isUnavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 53 (insufficient resources), 57P01-57P03 (admin shutdown, crash
     * shutdown, cannot connect now) and 57014 (a statement cancelled by a timeout).
     */
    static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                || state.equals("57014"));
    }
}
