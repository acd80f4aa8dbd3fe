package se.samverkansvaven.municipality;

import java.time.LocalDate;
import java.util.Set;
import se.samverkansvaven.body.Form;

/**
 * What the data knows of one municipality's list of bodies (domain.md item 8), for its read answer. Declared
 * here and given by the {@code coverage} package (which itself reads municipality codes), so the two packages
 * do not depend on each other in a cycle.
 */
public interface MunicipalityCoverage {

    /**
     * @param illustrative false: as if the illustrative coverage rows were not loaded
     * @return whether every body of each of the forms that {@code code} is party to on {@code date} is in the data,
     *         and whether that rests only on illustrative rows
     */
    Known of(String code, LocalDate date, Set<Form> forms, boolean illustrative);

    /** @param illustrative covered only thanks to an illustrative coverage row */
    record Known(boolean covered, boolean illustrative) {}
}
