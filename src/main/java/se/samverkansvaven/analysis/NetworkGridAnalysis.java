package se.samverkansvaven.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import se.samverkansvaven.analysis.data.CooperationData.BodyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyType;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.body.Level;
import se.samverkansvaven.body.PartyRole;

/**
 * The networks of the grid sector × level (domain.md analysis 4) and the pairs that are linked on the date, with
 * what links them: the existing links the network page draws next to the suggested ones
 * ({@link DiagonalLinkAnalysis}). Networks without a sector or a level are not in the grid.
 */
public final class NetworkGridAnalysis {

    public record NetworkNode(String id, String name, String sector, String level, List<String> conveners,
                              List<String> areas, boolean illustrative) {}

    /**
     * A linked pair (a &lt; b) and what links it: LINKED_WITH kinds and shared initiatives; illustrative when one
     * of those links or initiatives (or the network's row in it) is.
     */
    public record NetworkTie(String a, String b, List<String> links, List<String> initiatives, boolean illustrative) {}

    /**
     * @param scope       the scope asked for, as written ({@code all} when none)
     * @param levels      the grid's levels, top to bottom
     * @param pairClasses the classes a pair of networks can have, for choosing which suggestions to show
     * @param networks    by id
     * @param ties        by (a, b)
     */
    public record NetworkGrid(LocalDate asOf, String scope, List<Level> levels,
                              List<DiagonalLinkAnalysis.PairClass> pairClasses, List<NetworkNode> networks,
                              List<NetworkTie> ties) {}

    /** DIAGONAL, the class analysis 4 is about, first; then the others. */
    private static final List<DiagonalLinkAnalysis.PairClass> PAIR_CLASSES = Stream.concat(
            Stream.of(DiagonalLinkAnalysis.PairClass.DIAGONAL),
            Stream.of(DiagonalLinkAnalysis.PairClass.values()).filter(c -> c != DiagonalLinkAnalysis.PairClass.DIAGONAL))
            .toList();

    /**
     * @param scope    the scope's text, echoed in the answer
     * @param inScope  which networks the grid holds (all, or those of a county or federation)
     */
    public NetworkGrid analyse(CooperationData data, String scope, Predicate<BodyInfo> inScope) {
        Map<String, BodyInfo> networks = new TreeMap<>();
        data.bodies().forEach((id, body) -> {
            if (body.form() == Form.NETWORK && body.sector() != null && body.level() != null && inScope.test(body)) {
                networks.put(id, body);
            }
        });
        java.util.Set<List<String>> illustrative = new java.util.HashSet<>();
        Map<List<String>, NetworkTie> ties = new TreeMap<>((x, y) -> {
            int c = x.get(0).compareTo(y.get(0));
            return c != 0 ? c : x.get(1).compareTo(y.get(1));
        });
        for (CooperationData.NetworkLink link : data.links()) {
            if (networks.containsKey(link.a()) && networks.containsKey(link.b()) && !link.a().equals(link.b())) {
                tie(ties, link.a(), link.b()).links().add(link.kind().name());
                if (link.illustrative()) {
                    illustrative.add(List.of(link.a(), link.b()));
                }
            }
        }
        for (BodyInfo initiative : data.bodies().values()) {
            if (initiative.form() != Form.INITIATIVE) {
                continue;
            }
            SortedSet<String> involved = new TreeSet<>();
            initiative.parties().stream()
                    .filter(p -> p.type() == PartyType.BODY && p.role() == PartyRole.PARTICIPANT)
                    .map(PartyInfo::partyId).filter(networks::containsKey).forEach(involved::add);
            initiative.conveners().stream().filter(networks::containsKey).forEach(involved::add);
            List<String> list = List.copyOf(involved);
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    tie(ties, list.get(i), list.get(j)).initiatives().add(initiative.id());
                    if (initiative.restsOnIllustrative() || !initiative.illustrativeConveners().isEmpty()) {
                        illustrative.add(List.of(list.get(i), list.get(j)));
                    }
                }
            }
        }
        List<NetworkNode> nodes = networks.values().stream()
                .map(n -> new NetworkNode(n.id(), n.name(), n.sector(), n.level().name(), List.copyOf(n.conveners()),
                        List.copyOf(n.areas()), n.restsOnIllustrative() || !n.illustrativeConveners().isEmpty()))
                .toList();
        return new NetworkGrid(data.asOf(), scope, List.of(Level.values()), PAIR_CLASSES, nodes,
                ties.values().stream().map(t -> new NetworkTie(t.a(), t.b(), t.links(), t.initiatives(),
                        illustrative.contains(List.of(t.a(), t.b())))).toList());
    }

    private static NetworkTie tie(Map<List<String>, NetworkTie> ties, String x, String y) {
        String a = x.compareTo(y) < 0 ? x : y;
        String b = x.compareTo(y) < 0 ? y : x;
        return ties.computeIfAbsent(List.of(a, b), k -> new NetworkTie(a, b, new ArrayList<>(), new ArrayList<>(), false));
    }
}
