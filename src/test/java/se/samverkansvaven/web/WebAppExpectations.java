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

    /** The date every page analyses, in every address the tests open (see {@link #dated}). */
    static final String AS_OF = "2026-11-21";

    /** A body of the illustrative bundle, for the edit page. */
    static final String ILLUSTRATIVE_BODY = "ill-avt-alkohol-tidaholm-hjo";

    /**
     * A page, the name of its screenshot, the element that shows it has loaded, whether it marks illustrative data,
     * and whether it has a graph, map or bar chart.
     */
    record Page(String path, String name, String ready, boolean marksIllustrative, boolean drawn) {}

    static final List<Page> PAGES = List.of(
            new Page("index.html?code=1497", "min-samverkansvav", "#node-list li", true, true),
            new Page("karta.html", "karta", "path.leaflet-interactive", true, true),
            new Page("luckor.html?area=beredskap", "luckor", "#gap-table tbody tr", true, true),
            new Page("vardkoncentration.html?scope=county:14", "vardkoncentration", "#host-bars li", true, true),
            new Page("natverk.html", "natverk", "#pair-table tbody tr", true, true),
            new Page("mellanhander.html?scope=county:14", "mellanhander", "#broker-table tbody tr", true, false),
            new Page("jamfor.html?a=1496&b=1497", "jamfor", "#compare-table tbody tr", true, false),
            new Page("tidslinje.html?subject=1496", "tidslinje", "#summary p", true, true),
            new Page("forandringar.html?from=2022-12-31&to=2023-01-01", "forandringar", "#diff-table tbody tr", true, false),
            new Page("rapport.html?code=1496", "rapport", "#report-picture svg", true, false),
            // an unsaved scenario in the address (Tänk om…, issue 19): Tibro joins the illustrative alcohol agreement
            new Page("scenario.html?focus=1472&c=" + ViewChecks.SCENARIO, "scenario", "#scenario-hosts", true, false),
            // The audit trail may be empty in a fresh database: a table or the "no changes" notice.
            new Page("andringar.html", "andringar", "#changes-table, #status .message.notice", false, false),
            // Read-only for a reader (the tests that edit log in: EditPageBrowserTest).
            new Page("redigera.html?id=" + ILLUSTRATIVE_BODY, "redigera", "#view-parties tbody tr", true, false),
            new Page("login.html", "login", "#login-form", false, false),
            new Page("sources.html", "kallor", "#sources tbody tr", true, false));

    /** The path with the test date, as the pages carry it in the address. */
    static String dated(String path) {
        return path + (path.contains("?") ? "&" : "?") + "asOf=" + AS_OF;
    }

    /** The innermost elements that stick out to the right of the viewport, for the failure message. */
    static final String WIDER_THAN_VIEWPORT = """
            return [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
              .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
              .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
              .join(', ')""";

    /**
     * Every visible text whose contrast with its background is below WCAG AA (4.5:1; 3:1 for large text: 24 px,
     * or 18.66 px bold), as "tag.class 'text' ratio". The background is every ancestor's background colour laid
     * over white in order (alpha blended); graphs and maps are left out (their labels are drawn by Cytoscape and
     * Leaflet, and each has a text equivalent checked elsewhere), as are disabled controls (WCAG exempts them).
     */
    static final String LOW_CONTRAST = """
            const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
              const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
            const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3]));
            const background = (e) => { const chain = []; for (let a = e; a; a = a.parentElement) chain.unshift(a);
              return chain.reduce((c, a) => { const b = parse(getComputedStyle(a).backgroundColor); return b && b[3] > 0 ? over(b, c) : c; }, [255, 255, 255]); };
            const luminance = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
            const problems = [];
            for (const e of document.querySelectorAll('body *')) {
              if (e.closest('.leaflet-container, .graph, svg, canvas, .sr-only, :disabled')) continue;
              if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
              const s = getComputedStyle(e);
              if (s.visibility === 'hidden' || e.getClientRects().length === 0) continue;
              const back = background(e);
              const fore = over(parse(s.color), back);
              const [hi, lo] = [luminance(fore), luminance(back)].sort((a, b) => b - a);
              const ratio = (hi + 0.05) / (lo + 0.05);
              const size = parseFloat(s.fontSize);
              const needed = size >= 24 || (parseInt(s.fontWeight) >= 700 && size >= 18.66) ? 3 : 4.5;
              if (ratio < needed) problems.push(e.tagName.toLowerCase() + '.' + e.className + " '" + e.textContent.trim().slice(0, 30) + "' " + ratio.toFixed(2));
            }
            return problems.slice(0, 10);""";

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

    /**
     * The municipality codes of the gaps in beredskap, in the API's order, of covered municipalities only (an
     * uncovered one is unknown, never a gap: the page leaves it out even where an answer still lists it).
     */
    static List<String> beredskapGaps(ApiClient api) {
        JsonNode gaps = api.get("/api/analysis/gaps?area=beredskap&asOf=" + AS_OF).json();
        List<String> forms = new ArrayList<>();
        gaps.get("forms").forEach(f -> forms.add(f.asString()));
        Set<String> covered = new TreeSet<>();
        api.get("/api/coverage?scope=all&asOf=" + AS_OF + "&forms=" + String.join(",", forms)).json().get("covered")
                .forEach(c -> covered.add(c.get("code").asString()));
        List<String> codes = new ArrayList<>();
        gaps.get("gaps").forEach(g -> {
            if (covered.contains(g.get("code").asString())) {
                codes.add(g.get("code").asString());
            }
        });
        assertThat(codes).isNotEmpty().first().isEqualTo("1446");
        return codes;
    }
}
