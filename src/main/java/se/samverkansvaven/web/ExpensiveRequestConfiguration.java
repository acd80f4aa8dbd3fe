package se.samverkansvaven.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts {@link ExpensiveRequestLimit} right behind the response cache, so a cached answer never waits for it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ExpensiveRequestConfiguration {

    /** After {@link ResponseCacheConfiguration#ORDER}. */
    static final int ORDER = ResponseCacheConfiguration.ORDER + 1;

    @Bean
    ExpensiveRequestLimit expensiveRequestLimit(ExpensiveRequestProperties properties) {
        return new ExpensiveRequestLimit(properties);
    }

    @Bean
    FilterRegistrationBean<ExpensiveRequestLimit> expensiveRequestLimitRegistration(ExpensiveRequestLimit limit) {
        var registration = new FilterRegistrationBean<>(limit);
        registration.addUrlPatterns("/api/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
