package io.coinsphere.exchangesync.live;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Serves the exchanges page at its clean path {@code /exchanges}; the sign-in page is Spring Boot's welcome page. */
@Configuration(proxyBeanMethods = false)
public class PageRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/exchanges").setViewName("forward:/exchanges.html");
    }
}
