package io.coinsphere.exchangesync.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Writes record values with the application's JSON settings (ISO-8601 timestamps). */
@Component
public class KafkaJson {

    private final ObjectMapper json;

    public KafkaJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(Object value) throws JsonProcessingException {
        return json.writeValueAsString(value);
    }
}
