package se.samverkansvaven.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.util.DigestUtils;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

/**
 * Cache headers for the web pages' files. Without them every page visit downloaded and parsed Cytoscape
 * (430 kB) again, as Spring Security marks every response no-store. Registered before Spring Boot's own
 * handlers for the same patterns (which then step aside), with the same locations.
 *
 * <ul>
 * <li>{@code /webjars/**}: the libraries change only with a release of the app; a browser may keep them a day.
 * <li>{@code /**} (pages, scripts, styles, messages): {@code no-cache} with an ETag of the content, so a
 *     browser asks each time but gets a 304 with no body while the file is unchanged. The ETag hashes the
 *     content because the jar's entries carry one fixed timestamp (reproducible build), which Last-Modified
 *     would repeat across releases.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaticResourceCaching implements WebMvcConfigurer {

    private final Map<String, String> etags = new ConcurrentHashMap<>();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .resourceChain(true)
                .addResolver(new LiteWebJarsResourceResolver());
        registry.addResourceHandler("/**")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache())
                .setUseLastModified(false)
                .setEtagGenerator(this::etag);
    }

    private String etag(Resource resource) {
        try {
            return etags.computeIfAbsent(resource.getURL().toString(), url -> {
                try (InputStream in = resource.getInputStream()) {
                    return "\"" + DigestUtils.md5DigestAsHex(in) + "\"";
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
