package se.samverkansvaven.database;

import org.neo4j.driver.Driver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Wraps every {@link Driver} bean (the embedded one, or Spring Boot's for {@code spring.neo4j.uri}) in a
 * {@link BookmarkSharingDriver}: causal consistency on a cluster for every session the app opens.
 */
@Component
class SharedBookmarks implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof Driver driver && !(bean instanceof BookmarkSharingDriver)
                ? new BookmarkSharingDriver(driver) : bean;
    }
}
