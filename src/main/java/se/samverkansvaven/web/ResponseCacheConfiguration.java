package se.samverkansvaven.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverkansvaven.database.CacheProperties;
import se.samverkansvaven.database.GraphRevisions;
import se.samverkansvaven.security.SecurityProperties;

/** Puts {@link CachedResponseFilter} behind Spring Security's filter chain (order -100), in front of Spring MVC. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ResponseCacheConfiguration {

    /** After the security filters (-100) and Spring's request wrappers, before the DispatcherServlet. */
    static final int ORDER = 0;

    @Bean
    FilterRegistrationBean<CachedResponseFilter> cachedResponseFilter(CacheProperties properties,
            GraphRevisions revisions, Today today, SecurityProperties security, WorkerThreads workerThreads,
            ExpensiveRequestLimit expensive) {
        var cache = new ResponseCache(properties.responses().toBytes(), properties.largestResponse().toBytes());
        var registration = new FilterRegistrationBean<>(new CachedResponseFilter(cache, revisions::current, today, security.publicRead(),
                workerThreads.threads() / 2, expensive));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(ORDER);
        return registration;
    }
}
