package se.samverkansvaven.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import se.samverkansvaven.ApiClient;
import se.samverkansvaven.importing.BundleFiles;
import se.samverkansvaven.importing.BundleImporter;
import tools.jackson.databind.JsonNode;

/**
 * What the Chromium and the Firefox browser tests both expect of the web app: the data they run on, the pages
 * with the element that shows each is ready, and the answers of the API the pages must agree with.
 */
final class WebAppExpectations {

    /** The date every page analyses (stored in the browser's localStorage, like a user's choice). */
    static final String AS_OF = "2026-11-21";

    /** A body of the illustrative bundle, for the edit page. */
    static final String ILLUSTRATIVE_BODY = "ill-avt-alkohol-tidaholm-hjo";

    /** A page, the name of its screenshot, the element that shows it has loaded, and whether it marks illustrative data. */
    record Page(String path, String name, String ready, boolean marksIllustrative) {}

    static final List<Page> PAGES = List.of(
            new Page("index.html?code=1497", "min-samverkansvav", "#node-list li", true),
            new Page("karta.html", "karta", "path.leaflet-interactive", true),
            new Page("luckor.html?area=beredskap", "luckor", "#gap-table tbody tr", true),
            new Page("vardkoncentration.html?scope=county:14", "vardkoncentration", "#host-bars li", true),
            new Page("natverk.html", "natverk", "#pair-table tbody tr", true),
            new Page("tidslinje.html?subject=1496", "tidslinje", "#summary p", true),
            // The audit trail may be empty in a fresh database: a table or the "no changes" notice.
            new Page("andringar.html", "andringar", "#changes table, #status .message.notice", false),
            new Page("redigera.html?id=" + ILLUSTRATIVE_BODY, "redigera", "#parties tbody tr", false));

    /** The innermost elements that stick out to the right of the viewport, for the failure message. */
    static final String WIDER_THAN_VIEWPORT = """
            return [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
              .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
              .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
              .join(', ')""";

    private WebAppExpectations() {
    }

    /** Imports the shipped and the illustrative bundles unless an earlier test in the shared context did. */
    static void loadIllustrativeData(ApiClient api, BundleImporter importer) {
        if (api.get("/api/bodies/" + ILLUSTRATIVE_BODY).status() == 404) {
            importer.importBundle(BundleFiles.fromClasspath("bundles/vastra-gotaland"));
            importer.importBundle(BundleFiles.fromClasspath("bundles/illustrative"));
        }
    }

    /** The node ids of Hjo's (1497) ego web at the depth, as the API gives them. */
    static Set<String> egoWebNodes(ApiClient api, String depth) {
        JsonNode web = api.get("/api/analysis/web/1497?depth=" + depth + "&asOf=" + AS_OF).json();
        Set<String> nodes = new TreeSet<>();
        web.get("nodes").forEach(n -> nodes.add(n.get("data").get("id").asString()));
        assertThat(nodes).contains("1497", "1496", ILLUSTRATIVE_BODY);
        return nodes;
    }

    /** The municipality codes of the gaps in beredskap, in the API's order. */
    static List<String> beredskapGaps(ApiClient api) {
        List<String> codes = new ArrayList<>();
        api.get("/api/analysis/gaps?area=beredskap&asOf=" + AS_OF).json().get("gaps")
                .forEach(g -> codes.add(g.get("code").asString()));
        assertThat(codes).hasSize(9).first().isEqualTo("1446");
        return codes;
    }
}
