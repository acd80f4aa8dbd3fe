package se.samverkansvaven.reference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * Brings a database up to date before the app serves anything: the reference data on first start (or when
 * its shipped version changes), then the bundled data sets. A second start finds the version in place and
 * loads nothing.
 */
@Component
@DependsOn("schemaInitializer")
class StartupData implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StartupData.class);

    private final ReferenceDataLoader reference;
    private final DataProperties properties;

    StartupData(ReferenceDataLoader reference, DataProperties properties) {
        this.reference = reference;
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.loadReference()) {
            log.info("Reference data loading is switched off (samverkansvaven.data.load-reference=false)");
            return;
        }
        int version = reference.loadedVersion();
        if (version >= ReferenceDataLoader.REFERENCE_VERSION) {
            log.info("Reference data version {} already in the database", version);
        } else {
            reference.load();
        }
    }
}
