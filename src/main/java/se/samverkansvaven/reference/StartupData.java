package se.samverkansvaven.reference;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import se.samverkansvaven.importing.BundleFiles;
import se.samverkansvaven.importing.BundleImporter;

/**
 * Brings a database up to date before the app serves anything: the reference data on first start (or when
 * its shipped version changes), then the shipped bundles through the ordinary loader. What was loaded is
 * recorded in the graph, so a second start loads nothing.
 */
@Component
@DependsOn("schemaInitializer")
class StartupData implements InitializingBean {

    static final String VASTRA_GOTALAND = "vastra-gotaland@2";
    /** Real bodies beyond the Västra Götaland bundle; refers to its region-vgr, so it loads after it. */
    static final String PUBLIC_SOURCES = "public-sources@1";
    static final String ILLUSTRATIVE = "illustrative@2";

    private static final Logger log = LoggerFactory.getLogger(StartupData.class);

    private final ReferenceDataLoader reference;
    private final ShippedBundles bundles;
    private final BundleImporter importer;
    private final DataProperties properties;
    private final boolean embedded;

    StartupData(ReferenceDataLoader reference, ShippedBundles bundles, BundleImporter importer,
                DataProperties properties, Environment environment) {
        this.reference = reference;
        this.bundles = bundles;
        this.importer = importer;
        this.properties = properties;
        this.embedded = !StringUtils.hasText(environment.getProperty("spring.neo4j.uri"));
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.loadReference()) {
            log.info("Loading of shipped data is switched off (samverkansvaven.data.load-reference=false)");
            return;
        }
        int version = reference.loadedVersion();
        if (version >= ReferenceDataLoader.REFERENCE_VERSION) {
            log.info("Reference data version {} already in the database", version);
        } else {
            reference.load();
        }
        List<String> loaded = bundles.loaded();
        if (properties.bundles()) {
            load(loaded, VASTRA_GOTALAND, "bundles/vastra-gotaland");
            if (properties.publicSources()) {
                load(loaded, PUBLIC_SOURCES, "bundles/public-sources");
            }
        }
        boolean illustrative = properties.illustrative() != null ? properties.illustrative() : embedded;
        if (illustrative) {
            load(loaded, ILLUSTRATIVE, "bundles/illustrative");
        } else if (bundles.hasIllustrativeData()) {
            log.info("Illustrative data is switched off: removing it from the database");
            bundles.removeIllustrativeData(ILLUSTRATIVE);
        }
    }

    private void load(List<String> loaded, String bundle, String location) {
        if (loaded.contains(bundle)) {
            return;
        }
        var report = importer.importBundle(BundleFiles.fromClasspath(location));
        bundles.markLoaded(bundle);
        log.info("Loaded bundle {}: {}", bundle, report);
    }
}
