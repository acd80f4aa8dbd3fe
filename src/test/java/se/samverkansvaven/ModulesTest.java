package se.samverkansvaven;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages (analysis, graph, body, database, editing, export, importing, …) as Spring Modulith
 * modules: no cycles between them, and none reaches into another's sub-packages (analysis.data and analysis.web are
 * analysis' own). docs/architecture.md draws the same map.
 */
class ModulesTest {

    @Test
    void theFeaturePackagesHaveNoCyclesAndUseOnlyEachOthersTopLevelTypes() {
        ApplicationModules.of(SamverkansvavenApplication.class).verify();
    }
}
