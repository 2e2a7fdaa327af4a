package io.coinsphere.exchangesync.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** Writes an {@link ApiReply} or an {@link ApiException} as the HTTP response of a REST route. */
@Component
public class JsonReplyWriter {

    private final ObjectMapper json;

    public JsonReplyWriter(ObjectMapper json) {
        this.json = json;
    }

    /** Ends a REST worker route: the body must be an {@link ApiReply}. */
    public void writeReply(Exchange exchange) throws Exception {
        ApiReply reply = exchange.getMessage().getBody(ApiReply.class);
        write(exchange.getMessage(), reply.status(), reply.body());
    }

    /** Answers the exception caught by the REST error policy. */
    public void writeError(Exchange exchange) throws Exception {
        ApiException error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ApiException.class);
        Message message = exchange.getMessage();
        if (error.retryAfter() != null) {
            message.setHeader("Retry-After", Math.max(1, error.retryAfter().toSeconds()));
        }
        write(message, error.status(), error.toBody());
    }

    private void write(Message message, int status, Object body) throws Exception {
        // SECURITY: only our own headers go back; request headers (Authorization) never echo.
        message.removeHeaders("*", "Retry-After");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(json.writeValueAsBytes(body));
    }
}
