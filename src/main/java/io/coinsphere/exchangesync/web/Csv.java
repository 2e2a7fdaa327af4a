package io.coinsphere.exchangesync.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * CSV as RFC 4180 has it: comma separated, CRLF line ends, a field quoted (quotes doubled) when it holds a comma, a
 * quote or a line break. Numbers are written in full, never in exponent notation.
 */
public final class Csv {

    private final StringBuilder text = new StringBuilder();

    /** Appends one record; each value is a {@link BigDecimal}, a number, null (empty) or text (see {@link #text}). */
    public Csv row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            Object value = values[i];
            text.append(value == null ? "" : value instanceof BigDecimal d ? d.toPlainString()
                    : value instanceof Number n ? n.toString() : text(value.toString()));
        }
        text.append("\r\n");
        return this;
    }

    /**
     * A text field. SECURITY: a label a user or an exchange chose may start with {@code = + - @} or a tab or carriage
     * return, which spreadsheets run as a formula (CSV injection): such a field gets a leading apostrophe, which they
     * show as text.
     */
    static String text(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** Ends a REST route with this CSV as a download named {@code filename}. */
    public void writeTo(Exchange exchange, String filename) {
        Message message = exchange.getMessage();
        // SECURITY: only our own headers go back; request headers (Authorization) never echo.
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
        message.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        message.setBody(toString().getBytes(StandardCharsets.UTF_8));
    }
}
