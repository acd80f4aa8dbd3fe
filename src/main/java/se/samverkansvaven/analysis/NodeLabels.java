package se.samverkansvaven.analysis;

import se.samverkansvaven.analysis.data.CooperationData.ActorInfo;
import se.samverkansvaven.analysis.data.CooperationData;
import se.samverkansvaven.body.ActorKind;

/** Names and node types for ids of any kind (municipality code, actor id, body id), shared by the analyses. */
final class NodeLabels {

    static final String MUNICIPALITY = "municipality";
    static final String REGION = "region";
    static final String ACTOR = "actor";
    static final String BODY = "body";

    private NodeLabels() {}

    /** The display name of a municipality, actor or body; the id itself when the data does not know it. */
    static String label(CooperationData data, String id) {
        if (id == null) {
            return null;
        }
        var place = data.municipalities().get(id);
        if (place != null) {
            return place.name();
        }
        ActorInfo actor = data.actors().get(id);
        if (actor != null) {
            return actor.name();
        }
        var body = data.bodies().get(id);
        if (body != null) {
            return body.name();
        }
        return id;
    }

    /** municipality, region, actor (other kinds) or body. */
    static String type(CooperationData data, String id) {
        if (data.municipalities().containsKey(id) || CooperationData.isMunicipalityCode(id)) {
            return MUNICIPALITY;
        }
        ActorInfo actor = data.actors().get(id);
        if (actor != null) {
            return actor.kind() == ActorKind.REGION ? REGION : ACTOR;
        }
        return BODY;
    }
}
