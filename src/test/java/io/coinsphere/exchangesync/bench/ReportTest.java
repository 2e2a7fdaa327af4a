package io.coinsphere.exchangesync.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void alignedColumnsWithTargetsAndStatus() {
        Report report = new Report();
        report.header("benchmark");
        report.target("syncs/s", "612", ">= 500", true);
        report.target("REST p99", "140.0 ms", "<= 100 ms", false);
        report.figure("peak RSS", "783 MB");
        report.notAvailable("budgets", "0", "not in this build");

        String[] lines = report.render().split("\n");
        assertThat(lines[0]).isEqualTo("benchmark");
        assertThat(lines[2]).startsWith("metric    value").contains("target", "status", "load");
        assertThat(lines[4]).startsWith("syncs/s   612").contains(">= 500", "PASS");
        assertThat(lines[5]).startsWith("REST p99  140.0 ms").contains("MISS");
        assertThat(lines[7]).contains("n/a (not in this build)");
        // Every column starts at the same offset on every row.
        assertThat(lines[4].indexOf(">= 500")).isEqualTo(lines[2].indexOf("target"));
    }

    @Test
    void numbers() {
        assertThat(Report.number(12345.678, 1)).isEqualTo("12,345.7");
        assertThat(Report.number(Double.NaN, 0)).isEqualTo("n/a");
    }
}
