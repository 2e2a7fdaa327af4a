package io.coinsphere.exchangesync.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void plainTextOfAnyScriptIsFine() {
        assertThat(TextRules.problem("Kraken main")).isNull();
        assertThat(TextRules.problem("مرحبا 😀 \u202Eabc <b>")).as("RTL, emoji, bidi override, markup").isNull();
    }

    @Test
    void controlCharactersAndHalfSurrogatesAreRefused() {
        assertThat(TextRules.problem("a\u0000b")).isEqualTo("must not contain control characters");
        assertThat(TextRules.problem("line\nbreak")).isEqualTo("must not contain control characters");
        assertThat(TextRules.problem("\u0085")).isEqualTo("must not contain control characters");
        assertThat(TextRules.problem("x\ud800")).isEqualTo("must be valid Unicode text");
        assertThat(TextRules.problem("\udc00x")).isEqualTo("must be valid Unicode text");
    }

    @Test
    void namesTheFieldEvenWhenNested() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThatThrownBy(() -> TextRules.check(json.readTree("{\"label\":\"a\\u0007\"}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details().get(0).field()).isEqualTo("label"));
        assertThatThrownBy(() -> TextRules.check(json.readTree("{\"a\":{\"b\":[\"ok\",\"\\ud800\"]}}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details().get(0).field()).isEqualTo("a.b[1]"));
    }

    @Test
    void lineBreaksPassOnlyInTheTopLevelFieldsNamedForThem() throws Exception {
        ObjectMapper json = new ObjectMapper();
        TextRules.check(json.readTree("{\"apiSecret\":\"line one\\nline two\\r\\n\"}"), java.util.Set.of("apiSecret"));
        assertThatThrownBy(() -> TextRules.check(json.readTree("{\"label\":\"a\\nb\"}"), java.util.Set.of("apiSecret")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details().get(0).field()).isEqualTo("label"));
        assertThatThrownBy(() -> TextRules.check(json.readTree("{\"apiSecret\":\"a\\tb\\nc\"}"), java.util.Set.of("apiSecret")))
                .as("a tab is still a control character").isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> TextRules.check(json.readTree("{\"x\":{\"apiSecret\":\"a\\nb\"}}"), java.util.Set.of("apiSecret")))
                .as("nested fields never").isInstanceOf(ApiException.class);
        assertThat(TextRules.problem("a\nb", true)).isNull();
        assertThat(TextRules.problem("a\u0000b", true)).isEqualTo("must not contain control characters");
    }
}
