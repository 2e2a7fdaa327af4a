package io.coinsphere.exchangesync.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last word on an error that no servlet answered, such as a URL refused before routing
 * ({@code %2F} or {@code ..} escaping the root, a NUL in the path): the API's JSON error body instead
 * of Tomcat's HTML page. It never shows the exception or the server version.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    public JsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ApiError error = HttpErrors.forStatus(status);
        // Fixed texts without quotes or backslashes: no JSON library needed at this level.
        String body = "{\"success\":false,\"error\":\"" + error.error() + "\",\"message\":\"" + error.message()
                + "\",\"details\":[]}";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile; nothing more to send.
        }
    }
}
