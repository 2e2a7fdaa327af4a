package io.coinsphere.exchangesync.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's table: one row per figure, with its target, PASS/MISS, and the machine load when it was taken. */
final class Report {

    /** One figure; target and status are empty for figures without a target. */
    record Row(String metric, String value, String target, String status, String load) {
    }

    private final List<String> header = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    void header(String line) {
        header.add(line);
    }

    void figure(String metric, String value) {
        rows.add(new Row(metric, value, "", "", Machine.load()));
    }

    /** A figure with a target: {@code met} decides PASS or MISS; a NaN value is n/a. */
    void target(String metric, String value, String target, boolean met) {
        rows.add(new Row(metric, value, target, met ? "PASS" : "MISS", Machine.load()));
    }

    void notAvailable(String metric, String target, String why) {
        rows.add(new Row(metric, "n/a (" + why + ")", target, "n/a", ""));
    }

    String render() {
        String[] titles = {"metric", "value", "target", "status", "load 1m/5m/15m"};
        int[] widths = new int[titles.length];
        for (int i = 0; i < titles.length; i++) {
            widths[i] = titles[i].length();
        }
        for (Row row : rows) {
            String[] cells = cells(row);
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        StringBuilder text = new StringBuilder();
        header.forEach(line -> text.append(line).append('\n'));
        text.append('\n');
        line(text, titles, widths);
        line(text, dashes(widths), widths);
        rows.forEach(row -> line(text, cells(row), widths));
        return text.toString();
    }

    private static String[] cells(Row row) {
        return new String[] {row.metric(), row.value(), row.target(), row.status(), row.load()};
    }

    private static String[] dashes(int[] widths) {
        String[] dashes = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
            dashes[i] = "-".repeat(widths[i]);
        }
        return dashes;
    }

    private static void line(StringBuilder text, String[] cells, int[] widths) {
        for (int i = 0; i < cells.length; i++) {
            text.append(i == cells.length - 1 ? cells[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", cells[i]));
        }
        text.append('\n');
    }

    static String number(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
