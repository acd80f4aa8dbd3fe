package se.samverkansvaven.importing;

import java.util.Map;

/**
 * What a successful import did.
 *
 * @param counts               data rows read per bundle file (header not counted), in the bundle format's file order
 * @param nodesCreated         nodes created, the GraphRevision included the first time
 * @param relationshipsCreated relationships created
 * @param relationshipsDeleted relationships deleted (rows of the bundle's bodies that the bundle no longer has)
 * @param revision             the graph revision after the import
 */
public record ImportReport(
        Map<String, Integer> counts,
        long nodesCreated,
        long relationshipsCreated,
        long relationshipsDeleted,
        long revision) {

    public ImportReport {
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
    }
}
