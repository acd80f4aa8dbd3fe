package se.samverkansvaven.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.Level;
import tools.jackson.databind.json.JsonMapper;

/** The result records serialise with Jackson 3 as the REST controller will: field names and nulls as expected. */
class AnalysisJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    private final CooperationData data = AnalysisTestData.data()
            .municipality("0001", 57.0).municipality("0002", 57.1).municipality("0003", 58.0)
            .borders("0001", "0002")
            .area("lon", "STOD")
            .body("j1", Form.JOINT_COMMITTEE, b -> b.areas("lon").host("0002").participants("0003"))
            .body("c1", Form.COMPANY, b -> b.areas("lon").members("0002"))
            .body("n1", Form.NETWORK, b -> b.grid("STOD", Level.STRATEGIC).participants("0001"))
            .build();

    @Test
    void egoWebIsCytoscapeShaped() {
        String s = json.writeValueAsString(new EgoWebAnalysis().analyse(data, new EgoWebAnalysis.Query("0002", 1, null)));
        assertThat(s).contains("\"nodes\":[{\"data\":{\"id\":\"0002\"", "\"edges\":[{\"data\":{\"id\":\"0002->c1\"",
                "\"source\":\"0003\"", "\"target\":\"j1\"", "\"role\":\"PARTICIPANT\"", "\"multiplexity\":1");
    }

    @Test
    void everyResultSerialises() {
        // gap (0001, lon): neighbour 0002 covers it through c1 and j1, both 11.1 km away -> c1 first by id
        assertThat(json.writeValueAsString(new HostConcentrationAnalysis().analyse(data,
                new HostConcentrationAnalysis.Query(List.of("0001"), null, null)))).contains("\"hhi\":null");
        assertThat(json.writeValueAsString(new DiagonalLinkAnalysis().analyse(data,
                DiagonalLinkAnalysis.Query.diagonal()))).contains("\"pairs\":[]");
        assertThat(json.writeValueAsString(new GapAnalysis().analyse(data, GapAnalysis.Query.all())))
                .contains("\"reasonSv\":\"Anslut till Body c1");
        assertThat(json.writeValueAsString(new ExitImpactAnalysis().analyse(data,
                new ExitImpactAnalysis.Query("0002", ExitImpactAnalysis.Leaving.ALL, null, null))))
                .contains("\"bodiesEnded\":[{\"id\":\"j1\"");
    }
}
