package io.coinsphere.exchangesync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void quotesFieldsThatNeedItAndEndsLinesWithCrlf() {
        String csv = new Csv().row("a,b", "say \"hi\"", "two\nlines", "plain").toString();

        assertThat(csv).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain\r\n");
    }

    @Test
    void formulasInTextAreDefused() {
        assertThat(Csv.text("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.text("+1")).isEqualTo("'+1");
        assertThat(Csv.text("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.text("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Csv.text("Kraken main")).isEqualTo("Kraken main");
    }

    @Test
    void numbersStayExactAndSignedAndNullIsEmpty() {
        String csv = new Csv().row(new BigDecimal("-0.000000000000000001"), new BigDecimal("1E+3"), null, 7).toString();

        assertThat(csv).isEqualTo("-0.000000000000000001,1000,,7\r\n");
    }
}
