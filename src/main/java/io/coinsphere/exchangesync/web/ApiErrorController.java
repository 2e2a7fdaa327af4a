package io.coinsphere.exchangesync.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's error page: every error that reaches {@code /error} (no such path, wrong
 * method, wrong Content-Type or Accept, an exception outside Camel) is answered with the API's JSON
 * error body. The body is written by hand, because content negotiation would refuse JSON to a client
 * that asked for something else, which is exactly the 406 case.
 */
@Controller
public class ApiErrorController implements ErrorController {

    private final ObjectMapper json;

    public ApiErrorController(ObjectMapper json) {
        this.json = json;
    }

    @RequestMapping("/error")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value && value >= 400 ? value : 500;
        if (response.isCommitted()) {
            return;
        }
        // Headers already set on the failed response (Allow on a 405) stay; the body is ours.
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        json.writeValue(response.getOutputStream(), HttpErrors.forStatus(status));
    }
}
