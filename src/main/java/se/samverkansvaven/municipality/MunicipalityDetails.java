package se.samverkansvaven.municipality;

import java.time.LocalDate;
import java.util.List;
import se.samverkansvaven.body.Form;

/**
 * A municipality as of one date: where it is, who it borders, the bodies it is in on that date, and what the
 * data knows of its list of bodies (domain.md item 8): {@code covered} for the forms asked, {@code noData} when
 * it is not covered and no body of those forms names it (the page says "no data yet", never "none"), and the
 * {@code coverage} block every analysis answer carries. {@code illustrativeIncluded}: false under
 * {@code illustrative=false}.
 */
record MunicipalityDetails(
        String code,
        String name,
        County county,
        double lat,
        double lon,
        Integer population,
        LocalDate asOf,
        List<String> neighbours,
        List<Neighbour> neighbourNames,
        List<BodyRole> bodies,
        boolean illustrativeIncluded,
        boolean covered,
        boolean noData,
        Coverage coverage) {

    record County(String code, String name) {}

    record Neighbour(String code, String name) {}

    /**
     * The municipality's coverage in the shape of the analysis answers' {@code coverage} (analysis.ScopeCoverage,
     * scope {@code municipality:CODE}, N = 1), so the pages read it one way.
     */
    record Coverage(LocalDate asOf, List<Form> forms, String scope, int municipalities, int coveredCount,
                    int notCoveredCount, List<String> covered, List<String> notCovered, boolean complete,
                    boolean illustrative) {

        static Coverage of(String code, LocalDate asOf, List<Form> forms, MunicipalityCoverage.Known known) {
            List<String> one = List.of(code);
            return new Coverage(asOf, forms, "municipality:" + code, 1, known.covered() ? 1 : 0,
                    known.covered() ? 0 : 1, known.covered() ? one : List.of(), known.covered() ? List.of() : one,
                    known.covered(), known.illustrative());
        }
    }

    /** This answer with what the data knows of the municipality's bodies of {@code forms}. */
    MunicipalityDetails withCoverage(java.util.Set<Form> forms, boolean illustrative, MunicipalityCoverage.Known known) {
        List<Form> sorted = forms.stream().sorted().toList();
        boolean named = bodies.stream().anyMatch(b -> forms.stream().anyMatch(f -> f.name().equals(b.form())));
        return new MunicipalityDetails(code, name, county, lat, lon, population, asOf, neighbours, neighbourNames,
                bodies, illustrative, known.covered(), !known.covered() && !named,
                Coverage.of(code, asOf, sorted, known));
    }

    /**
     * One body the municipality is in on the date, with its role there (MEMBER, HOST, PARTICIPANT, or
     * CONVENER for a network or initiative it runs). {@code illustrative}: the body or this row is invented.
     */
    record BodyRole(String id, String form, String name, String role, LocalDate since, LocalDate until,
                    List<String> areas, String source, boolean illustrative) {}
}
