package se.samverkansvaven.analysis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import se.samverkansvaven.analysis.EgoWebAnalysis;
import se.samverkansvaven.analysis.EgoWebAnalysis.Edge;
import se.samverkansvaven.analysis.EgoWebAnalysis.EgoWeb;
import se.samverkansvaven.analysis.EgoWebAnalysis.Element;
import se.samverkansvaven.analysis.EgoWebAnalysis.Node;
import se.samverkansvaven.analysis.FederationWebAnalysis;
import se.samverkansvaven.analysis.data.AnalysisCache;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link WebElementsJson} writes the bytes Jackson's bean serializer writes: the application's mapper (with the
 * module) against a plain one (without), on every ego web of the shipped data at depth 1 and 2, every federation's
 * web, and elements made to be awkward (nulls, escapes, non-ASCII).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebElementsJsonTest {

    static final JsonMapper PLAIN = JsonMapper.builder().build();

    @Autowired
    JsonMapper application;
    @Autowired
    AnalysisCache cache;

    @Test
    void theApplicationsMapperUsesTheModule() {
        assertThat(application.registeredModules()).anyMatch(m -> m instanceof WebElementsJson);
        assertThat(PLAIN.registeredModules()).noneMatch(m -> m instanceof WebElementsJson);
    }

    @Test
    void everyWebOfTheShippedDataIsWrittenAsTheBeanSerializerWouldWriteIt() {
        int webs = 0;
        int elements = 0;
        for (LocalDate date : List.of(LocalDate.parse("2026-06-30"), LocalDate.parse("2019-01-01"))) {
            for (boolean illustrative : List.of(true, false)) {
                CooperationData data = cache.data(date, illustrative);
                var ego = new EgoWebAnalysis();
                for (String code : data.municipalities().keySet()) {
                    for (int depth = 1; depth <= 2; depth++) {
                        EgoWeb web = ego.analyse(data, new EgoWebAnalysis.Query(code, depth, null));
                        assertThat(application.writeValueAsString(web)).as(code + " " + depth + " " + date)
                                .isEqualTo(PLAIN.writeValueAsString(web));
                        webs++;
                        elements += web.nodes().size() + web.edges().size();
                    }
                }
                var federations = new FederationWebAnalysis();
                for (var body : data.bodies().values()) {
                    if (body.form() == Form.FEDERATION) {
                        var web = federations.analyse(data, body.id());
                        assertThat(application.writeValueAsString(web)).as(body.id())
                                .isEqualTo(PLAIN.writeValueAsString(web));
                    }
                }
            }
        }
        assertThat(webs).isEqualTo(4 * 2 * 290);
        assertThat(elements).as("nodes and edges written").isGreaterThan(10_000);
    }

    @Test
    void awkwardElementsAreWrittenAsTheBeanSerializerWouldWriteThem() {
        List<Object> elements = new ArrayList<>();
        for (String text : new String[] {null, "", "\"quoted\" \\ back", "line\nbreak\ttab\u0001\u001f", "Åre, Göteborg",
                "</script><b>", "emoji \uD83D\uDE00", "\u2028\u2029"}) {
            elements.add(new Element<>(new Node(text, text, text, null, true, text == null ? null : List.of(text, "b"),
                    false, -1)));
            elements.add(new Element<>(new Node("id", "label", "body", Form.AGREEMENT, false, List.of(), true,
                    Integer.MAX_VALUE)));
            elements.add(new Element<>(new Edge(text, text, text, null, true)));
            elements.add(new Element<>(new Edge("a->b", "a", "b", PartyRole.HOST, false)));
        }
        elements.add(new Element<>(null));
        elements.add(new Element<>("not a node"));
        elements.add(new Element<>(List.of(1, 2)));
        assertThat(application.writeValueAsString(elements)).isEqualTo(PLAIN.writeValueAsString(elements));
    }
}
