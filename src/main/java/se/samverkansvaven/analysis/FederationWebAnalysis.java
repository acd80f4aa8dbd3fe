package se.samverkansvaven.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import se.samverkansvaven.analysis.EgoWebAnalysis.Edge;
import se.samverkansvaven.analysis.EgoWebAnalysis.Element;
import se.samverkansvaven.analysis.EgoWebAnalysis.Node;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.PartyRole;

/**
 * A federation's web on a date, for the timeline: the federation (distance 0), its parties and the bodies
 * it convenes (networks and initiatives, domain.md CONVENES; distance 1), and the parties of those bodies
 * (municipalities, actors of every kind, networks taking part in an initiative; distance 2). Edges run from
 * a party to its body with the party's role, and from the federation to each body it convenes with role
 * CONVENER. Unlike the ego web this reads every form and every actor kind (it is not the projection P):
 * what a federation runs is mostly networks, which P leaves out. Same Cytoscape.js element shape as the
 * ego web, so one page draws both.
 */
public final class FederationWebAnalysis implements CooperationAnalysis<String, FederationWebAnalysis.FederationWeb> {

    /**
     * @param convened the bodies the federation convenes on the date, by id
     * @param nodes    by distance, then id
     * @param edges    by source, then target
     */
    public record FederationWeb(LocalDate asOf, String id, String label, boolean illustrative, int members,
                                List<String> convened, List<Element<Node>> nodes, List<Element<Edge>> edges) {}

    @Override
    public FederationWeb analyse(CooperationData data, String id) {
        BodyInfo federation = data.bodies().get(id);
        if (federation == null) {
            throw new IllegalArgumentException("no federation '" + id + "' is active on " + data.asOf());
        }
        if (federation.form() != Form.FEDERATION) {
            throw new IllegalArgumentException("'" + id + "' is a " + federation.form() + ", not a FEDERATION");
        }
        List<BodyInfo> convened = data.bodies().values().stream()
                .filter(b -> b.conveners().contains(id) && !b.id().equals(id)).toList();

        Map<String, Integer> distance = new HashMap<>();
        distance.put(id, 0);
        List<Edge> edges = new ArrayList<>();
        Set<String> hosts = new TreeSet<>();
        federation.parties().forEach(p -> {
            distance.putIfAbsent(p.partyId(), 1);
            edges.add(edge(p, federation));
        });
        convened.forEach(b -> {
            distance.put(b.id(), 1);
            edges.add(new Edge(id + "->" + b.id(), id, b.id(), PartyRole.CONVENER,
                    b.illustrative() || b.illustrativeConveners().contains(id)));
        });
        for (BodyInfo body : convened) {
            for (PartyInfo p : body.parties()) {
                distance.putIfAbsent(p.partyId(), 2);
                edges.add(edge(p, body));
                if (p.role() == PartyRole.HOST) {
                    hosts.add(p.partyId());
                }
            }
        }
        edges.sort(Comparator.comparing(Edge::source).thenComparing(Edge::target));

        List<Node> nodes = new ArrayList<>();
        distance.forEach((nodeId, d) -> {
            BodyInfo body = data.bodies().get(nodeId);
            if (body != null) {
                nodes.add(new Node(nodeId, body.name(), NodeLabels.BODY, body.form(), false, List.copyOf(body.areas()),
                        body.illustrative(), d));
            } else {
                nodes.add(new Node(nodeId, NodeLabels.label(data, nodeId), NodeLabels.type(data, nodeId), null,
                        hosts.contains(nodeId), List.of(), data.actors().containsKey(nodeId) && data.actors().get(nodeId).illustrative(), d));
            }
        });
        nodes.sort(Comparator.comparingInt(Node::distance).thenComparing(Node::id));
        int members = (int) federation.partiesWithRole(PartyRole.MEMBER).map(PartyInfo::partyId).distinct().count();
        return new FederationWeb(data.asOf(), id, federation.name(), federation.illustrative(), members,
                convened.stream().map(BodyInfo::id).toList(),
                nodes.stream().map(Element::new).toList(), edges.stream().map(Element::new).toList());
    }

    private static Edge edge(PartyInfo party, BodyInfo body) {
        return new Edge(party.partyId() + "->" + body.id(), party.partyId(), body.id(), party.role(),
                body.illustrative() || party.illustrative());
    }
}
