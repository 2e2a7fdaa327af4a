package io.coinsphere.exchangesync.ops;

import static io.coinsphere.exchangesync.ops.OpsHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coinsphere.exchangesync.support.IntegrationTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Even an administrator's Jolokia reads only: Camel routes and contexts, memory, threads. */
class JolokiaPolicyIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private String token;
    private String context;

    @BeforeEach
    void administrator() throws Exception {
        token = admin().token();
        HttpResponse<String> search = OpsHttp.get(port, "/actuator/jolokia/search/org.apache.camel:type=context,*", bearer(token));
        context = JSON.readTree(search.body()).get("value").get(0).asText();
    }

    @Test
    void camelOperationsAreRefused() throws Exception {
        Path file = Files.createTempDirectory("jolokia-").resolve("written.txt");
        String uri = "file:" + file.getParent() + "?fileName=" + file.getFileName();
        for (String operation : List.of("sendBody(java.lang.String,java.lang.Object)", "requestBody(java.lang.String,java.lang.Object)")) {
            assertRefused(call(Map.of("type", "exec", "mbean", context, "operation", operation, "arguments", List.of(uri, "x"))));
        }
        assertRefused(call(Map.of("type", "exec", "mbean", context, "operation", "stop()")));
        assertThat(file).doesNotExist();
        assertThat(camel.getStatus().isStarted()).isTrue();
    }

    @Test
    void heapDumpsAndDiagnosticCommandsAreRefused() throws Exception {
        Path dump = Files.createTempDirectory("jolokia-").resolve("heap.hprof");
        assertRefused(call(Map.of("type", "exec", "mbean", "com.sun.management:type=HotSpotDiagnostic",
                "operation", "dumpHeap", "arguments", List.of(dump.toString(), true))));
        assertThat(dump).doesNotExist();
        assertRefused(call(Map.of("type", "exec", "mbean", "com.sun.management:type=DiagnosticCommand",
                "operation", "vmSystemProperties", "arguments", List.of())));
        assertRefused(call(Map.of("type", "read", "mbean", "java.lang:type=Runtime", "attribute", "SystemProperties")));
    }

    @Test
    void writesAndOperationsOverGetAreRefused() throws Exception {
        assertRefused(call(Map.of("type", "write", "mbean", "java.lang:type=Memory", "attribute", "Verbose", "value", true)));
        assertRefused(OpsHttp.get(port, "/actuator/jolokia/exec/java.lang:type=Memory/gc", bearer(token)));
        assertRefused(OpsHttp.get(port, "/actuator/jolokia/exec/" + URLEncoder.encode(context, StandardCharsets.UTF_8)
                .replace("+", "%20") + "/stop()", bearer(token)));
        assertRefused(OpsHttp.get(port, "/actuator/jolokia/write/java.lang:type=Memory/Verbose/true", bearer(token)));
        assertThat(camel.getStatus().isStarted()).isTrue();
    }

    @Test
    void whatTheRouteViewNeedsIsReadable() throws Exception {
        assertAllowed(call(Map.of("type", "read", "mbean", "java.lang:type=Memory", "attribute", "HeapMemoryUsage")));
        assertAllowed(call(Map.of("type", "read", "mbean", "java.lang:type=Threading", "attribute", "ThreadCount")));
        assertAllowed(call(Map.of("type", "read", "mbean", context, "attribute", "State")));
        assertAllowed(call(Map.of("type", "read", "mbean", "org.apache.camel:context=*,type=routes,name=\"sync-connection\"",
                "attribute", "ExchangesTotal")));
        JsonNode list = JSON.readTree(call(Map.of("type", "list")).body()).get("value");
        assertThat(list.has("org.apache.camel")).isTrue();
        assertThat(list.has("com.sun.management")).as("MBeans that may not be read are not listed").isFalse();
    }

    @Test
    void noOriginIsGrantedCrossOriginAccess() {
        for (String origin : List.of("https://evil.example", "http://127.0.0.1:" + port)) {
            HttpResponse<String> response = OpsHttp.get(port, "/actuator/jolokia/version", bearer(token), "Origin", origin);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(origin).isEmpty();
            assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).as(origin).isEmpty();
        }
    }

    private HttpResponse<String> call(Map<String, Object> request) throws Exception {
        return OpsHttp.post(port, "/actuator/jolokia", JSON.writeValueAsString(request), bearer(token));
    }

    /** Jolokia reports a refusal as status 403 in its JSON answer (or the HTTP status itself). */
    private static void assertRefused(HttpResponse<String> response) throws Exception {
        int status = response.statusCode() == 200 ? JSON.readTree(response.body()).path("status").asInt() : response.statusCode();
        assertThat(status).as(response.body()).isEqualTo(403);
    }

    private static void assertAllowed(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("status").asInt()).as(response.body()).isEqualTo(200);
    }
}
