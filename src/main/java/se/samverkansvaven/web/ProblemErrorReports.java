package se.samverkansvaven.web;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Puts {@link ProblemErrorReportValve} in place of Tomcat's HTML error report on the host (Spring Boot adds a plain
 * {@link ErrorReportValve} there; this runs after it and replaces it).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ProblemErrorReports implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final String headerLimit;

    ProblemErrorReports(Environment environment) {
        DataSize limit = environment.getProperty("server.max-http-request-header-size", DataSize.class,
                DataSize.ofKilobytes(8));
        this.headerLimit = limit.toBytes() % 1024 == 0 ? limit.toKilobytes() + " KB" : limit.toBytes() + " bytes";
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (!(context.getParent() instanceof StandardHost host)) {
                return;
            }
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemErrorReportValve(headerLimit));
            // the host adds a valve of this class on start unless it finds one
            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        });
    }

    /** After Spring Boot's Tomcat customizer, which adds its ErrorReportValve. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
