package io.coinsphere.exchangesync.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * camel-sql endpoints for the statements in {@code classpath:sql/}, with their parameter count. Without the
 * count camel-sql asks the JDBC driver for every execution, and PostgreSQL's driver then describes the statement
 * on the server: one more round trip, and the driver's prepared statement cache never takes over, so every
 * execution is parsed and planned anew (docs/benchmarks.md, "Why the code has the shape it has").
 */
public final class SqlFiles {

    private static final Pattern PARAMETER = Pattern.compile(":#[A-Za-z0-9_]+");

    private SqlFiles() {
    }

    /** {@code sql:classpath:sql/<file>?parametersCount=<n>&<options>}. */
    public static String endpoint(String file, String options) {
        String uri = "sql:classpath:sql/" + file + "?parametersCount=" + parameterCount(read(file));
        return options.isEmpty() ? uri : uri + "&" + options;
    }

    /** Named parameters as camel-sql counts them: every occurrence, outside the {@code --} lines it drops. */
    static int parameterCount(String sql) {
        int count = 0;
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                Matcher m = PARAMETER.matcher(line);
                while (m.find()) {
                    count++;
                }
            }
        }
        return count;
    }

    static String read(String file) {
        try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream("sql/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no statement sql/" + file + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
