package se.samverkansvaven.analysis.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.analysis.data.CooperationData.ActorInfo;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.analysis.data.CooperationData.Place;
import se.samverkansvaven.body.ActorKind;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;
import org.junit.jupiter.api.Test;

/**
 * The host rule of a scenario with municipality codes of another pattern than Sweden's four digits
 * ({@code samverkansvaven.data.municipality-code-pattern}, e.g. six-digit LAU codes): a municipality is whatever the
 * date's data holds as one, not what looks like a Swedish code. Found by the L benchmark, where a HOST change to a
 * six-digit municipality threw a NullPointerException (looked up as an actor) instead of being applied.
 */
class ScenarioDataTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    private final CooperationData data = data();

    @Test
    void aMunicipalityWithASixDigitCodeMayTakeOverTheHost() {
        var applied = ScenarioData.apply(data, List.of(
                new Change(1, Change.Type.HOST, "jc", null, "100002", null, AS_OF)), null);

        assertThat(applied.problems()).isEmpty();
        assertThat(applied.data().bodies().get("jc").host()).isEqualTo("100002");
    }

    @Test
    void anAgencyStillCannotHost() {
        var applied = ScenarioData.apply(data, List.of(
                new Change(1, Change.Type.HOST, "jc", null, "agency", null, AS_OF)), null);

        assertThat(applied.problems()).singleElement().satisfies(p ->
                assertThat(p.toString()).contains("cannot host: only a municipality or a region"));
    }

    private static CooperationData data() {
        TreeMap<String, Place> municipalities = new TreeMap<>();
        SimpleGraph<String, DefaultEdge> borders = new SimpleGraph<>(DefaultEdge.class);
        for (String code : List.of("100001", "100002")) {
            municipalities.put(code, new Place(code, "M" + code, "10", 57.0, 12.0, null));
            borders.addVertex(code);
        }
        TreeMap<String, ActorInfo> actors = new TreeMap<>();
        actors.put("agency", new ActorInfo("agency", ActorKind.AGENCY, "An agency"));
        TreeMap<String, BodyInfo> bodies = new TreeMap<>();
        bodies.put("jc", new BodyInfo("jc", Form.JOINT_COMMITTEE, "A joint committee", null, null,
                new TreeSet<>(), new TreeSet<>(), null,
                List.of(new PartyInfo("100001", PartyType.MUNICIPALITY, PartyRole.HOST),
                        new PartyInfo("100002", PartyType.MUNICIPALITY, PartyRole.PARTICIPANT),
                        new PartyInfo("agency", PartyType.ACTOR, PartyRole.PARTICIPANT)),
                new TreeSet<>(), new TreeSet<>(), false));
        return new CooperationData(AS_OF, municipalities, borders, actors, bodies, List.of(), new TreeMap<>(),
                new TreeMap<>(), true);
    }
}
