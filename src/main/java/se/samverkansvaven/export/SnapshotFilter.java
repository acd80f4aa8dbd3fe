package se.samverkansvaven.export;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import se.samverkansvaven.body.Form;

/**
 * What an export is restricted to. Every part is optional (null = no restriction).
 *
 * @param forms      only bodies of these forms
 * @param county     only bodies with a party (or convener) among the county's municipalities, 2-digit code
 * @param federation only bodies with a party (or convener) among the federation's members in the window
 * @param area         only bodies covering this service area
 * @param illustrative false: as if the illustrative rows were not loaded (no illustrative body, actor, goal,
 *                     party row, convener, link or coverage row); true (the default): included and marked
 */
public record SnapshotFilter(Set<Form> forms, String county, String federation, String area, boolean illustrative) {

    public static final SnapshotFilter NONE = new SnapshotFilter(null, null, null, null);

    public SnapshotFilter {
        forms = forms == null || forms.isEmpty() ? null : Set.copyOf(forms);
    }

    /** Illustrative rows included. */
    public SnapshotFilter(Set<Form> forms, String county, String federation, String area) {
        this(forms, county, federation, area, true);
    }

    /** County and federation narrow the municipalities too; forms and area do not. */
    boolean scoped() {
        return county != null || federation != null;
    }

    /** For metadata: every filter, null when unused, forms in enum order, and whether illustrative rows are in. */
    Map<String, Object> describe() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("forms", forms == null ? null
                : new TreeSet<>(forms).stream().map(Form::name).toList());
        map.put("county", county);
        map.put("federation", federation);
        map.put("area", area);
        map.put("illustrative", illustrative);
        return map;
    }
}
