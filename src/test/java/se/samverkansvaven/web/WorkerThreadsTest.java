package se.samverkansvaven.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/** The running server has a few request threads per core, not Spring Boot's 200 (same context as the browser tests). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkerThreadsTest {

    @Test
    void theServerHasFourRequestThreadsPerCore(@Autowired ServletWebServerApplicationContext context) {
        var tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
        var protocol = (AbstractProtocol<?>) tomcat.getConnector().getProtocolHandler();
        int expected = Math.max(4, 4 * Runtime.getRuntime().availableProcessors());
        assertThat(protocol.getMaxThreads()).isEqualTo(expected).isLessThan(200);
    }

    @Test
    void anExplicitServerSettingWins() {
        var environment = new org.springframework.mock.env.MockEnvironment().withProperty("server.tomcat.threads.max", "50");
        var factory = new org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory();
        new WorkerThreads(environment, 4).customize(factory);
        assertThat(factory.getConnectorCustomizers()).isEmpty();
        assertThat(new WorkerThreads(environment, 4).threads()).as("what the response cache bounds its waiting by").isEqualTo(50);

        new WorkerThreads(new org.springframework.mock.env.MockEnvironment(), 4).customize(factory);
        assertThat(factory.getConnectorCustomizers()).hasSize(1);
    }
}
