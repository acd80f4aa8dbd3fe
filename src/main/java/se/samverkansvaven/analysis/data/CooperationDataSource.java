package se.samverkansvaven.analysis.data;

import java.time.LocalDate;
import java.util.List;
import se.samverkansvaven.analysis.data.CooperationData.ActorInfo;
import se.samverkansvaven.analysis.data.CooperationData.AreaInfo;
import se.samverkansvaven.analysis.data.CooperationData.CoverageInfo;
import se.samverkansvaven.analysis.data.CooperationData.PartyInfo;
import se.samverkansvaven.analysis.data.CooperationData.Place;
import se.samverkansvaven.body.LinkKind;

/**
 * Where the projection's input comes from: the Cypher in {@code cypher/projection/} over the driver (any Neo4j,
 * the reference), or the embedded database read in this process. Both read in one transaction and hand over the
 * same rows in the same order: municipalities, actors, areas, bodies, links, coverage rows (bodies need the areas
 * first).
 */
public interface CooperationDataSource {

    void read(LocalDate asOf, Rows rows);

    /**
     * What a source hands over, one call per row. A row's objects and lists are the reader's once handed over (it may
     * assemble them later, on another thread): a source never changes or reuses them.
     */
    interface Rows {

        /**
         * The graph revision (database.GraphRevisions), read in the same transaction as the rows: the projection is
         * cached under the revision its data was read at, never under one read separately (issue 18).
         */
        void revision(long revision);

        void municipality(Place place, List<String> borders);

        void actor(ActorInfo actor);

        void area(AreaInfo area);

        /** A body active on the date, with its active party rows and conveners; lists in any order. */
        void body(BodyRow body);

        /** An active LINKED_WITH from network a to network b, both active. */
        void link(String a, String b, LinkKind kind, boolean illustrative);

        /** A coverage row active on the date (domain.md item 8). */
        void coverage(CoverageInfo row);
    }

    /**
     * A body as stored; the reader derives its sectors and sorts its lists.
     *
     * @param illustrativeGoals     the goals (of {@code goals}) that are illustrative
     * @param illustrativeConveners the conveners (of {@code conveners}) whose CONVENES row is illustrative
     */
    record BodyRow(String id, String form, String name, String sector, String level, String seat, boolean illustrative,
                   List<String> areas, List<String> goals, List<PartyInfo> parties, List<String> conveners,
                   List<String> illustrativeGoals, List<String> illustrativeConveners) {}
}
