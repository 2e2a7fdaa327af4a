package io.coinsphere.exchangesync.ops;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /health}, the path the original service used, answers like {@code /actuator/health}. */
@Controller
public class HealthAlias {

    @GetMapping("/health")
    public String health() {
        return "forward:/actuator/health";
    }
}
