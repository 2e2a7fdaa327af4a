package io.coinsphere.exchangesync.ops;

import java.util.Map;
import org.slf4j.MDC;
import org.springframework.core.task.TaskDecorator;
import org.springframework.stereotype.Component;

/**
 * platform-http runs each REST route on the application task executor, not on the servlet thread where
 * {@link CorrelationIdFilter} set the MDC: Spring Boot applies this decorator to that executor, so the route
 * (and what it hands on, see {@link Correlation}) logs with the request's correlation id.
 */
@Component
public class CorrelationTaskDecorator implements TaskDecorator {

    @Override
    public Runnable decorate(Runnable task) {
        String id = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (id == null) {
            return task;
        }
        return () -> {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            MDC.put(CorrelationIdFilter.MDC_KEY, id);
            try {
                task.run();
            } finally {
                if (previous == null) {
                    MDC.clear();
                } else {
                    MDC.setContextMap(previous);
                }
            }
        };
    }
}
