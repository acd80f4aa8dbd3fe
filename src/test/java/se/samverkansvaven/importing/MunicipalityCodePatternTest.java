package se.samverkansvaven.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samverkansvaven.body.Form;
import se.samverkansvaven.municipality.MunicipalityCodes;

/**
 * samverkansvaven.data.municipality-code-pattern in the loader's rules: the default is Sweden's 4-digit SCB
 * codes, unchanged; another pattern makes other codes municipalities (and no longer ids). Checked on the
 * validator with hand-made reference sets, so no database is needed.
 */
class MunicipalityCodePatternTest {

    private static final String BODIES = """
            id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source
            fed-a,FEDERATION,Förbund A,,,,%s,,,s
            """;
    private static final String PARTIES = """
            body_id,party,role,valid_from,valid_to,representative,source
            fed-a,%s,MEMBER,,,,s
            fed-a,%s,MEMBER,,,,s
            """;

    @Test
    void byDefaultAFiveDigitPartyIsNoMunicipalityWithTheSameErrorAsBefore() {
        var result = validate(MunicipalityCodes.of(MunicipalityCodes.SCB), reference(Set.of("1496", "12345")),
                BODIES.formatted("1496"), PARTIES.formatted("1496", "12345"));
        assertThat(result.errors()).containsExactly(new BundleError("parties.csv", 3, "party",
                "no municipality, actor or body has the code or id '12345' (not in this bundle's actors.csv or "
                        + "bodies.csv, nor in the database)"));
    }

    @Test
    void byDefaultFourDigitsAreStillNoId() {
        var result = validate(MunicipalityCodes.of(MunicipalityCodes.SCB), reference(Set.of("1496")),
                BODIES.formatted("1496").replace("fed-a,", "1234,"), PARTIES.formatted("1496", "1496"));
        assertThat(result.errors()).contains(new BundleError("bodies.csv", 2, "id",
                "'1234' cannot be an id: four digits are a municipality code"));
    }

    @Test
    void withSixDigitCodesASixDigitPartyAndSeatAreMunicipalities() {
        var result = validate(MunicipalityCodes.of("[0-9]{6}"), reference(Set.of("100001", "100002")),
                BODIES.formatted("100001"), PARTIES.formatted("100001", "100002"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.bundle().parties()).extracting(ValidBundle.PartyRow::party, ValidBundle.PartyRow::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("100001", ValidBundle.PartyKind.MUNICIPALITY),
                        org.assertj.core.groups.Tuple.tuple("100002", ValidBundle.PartyKind.MUNICIPALITY));
    }

    @Test
    void withSixDigitCodesASixDigitIdIsRefusedAndFourDigitsAreAnId() {
        var result = validate(MunicipalityCodes.of("[0-9]{6}"), reference(Set.of("100001")),
                BODIES.formatted("100001") + "123456,NETWORK,N,MILJO,STRATEGIC,,,,,s\n1234,AGREEMENT,Avtal,,,,,,,s\n",
                PARTIES.formatted("100001", "100001").lines().limit(2).reduce("", (a, b) -> a + b + "\n")
                        + "1234,100001,HOST,,,,s\n");
        assertThat(result.errors()).containsExactly(new BundleError("bodies.csv", 3, "id",
                "'123456' cannot be an id: it has the form of a municipality code (codes match [0-9]{6} "
                        + "(samverkansvaven.data.municipality-code-pattern))"));
    }

    @Test
    void aCodeShapedPartyThatIsAStoredBodyIsNotGuessed() {
        // Stored under the default pattern, where six digits were a valid id; now six digits are codes.
        var reference = new KnownIds(Set.of("100001", "123456"), Set.of(), Set.of("MILJO"), Map.of(), Set.of(),
                Map.of("123456", Form.NETWORK));
        var result = validate(MunicipalityCodes.of("[0-9]{6}"), reference, BODIES.formatted("100001"),
                PARTIES.formatted("100001", "123456"));
        assertThat(result.errors()).containsExactly(new BundleError("parties.csv", 3, "party",
                "'123456' has the form of a municipality code (codes match [0-9]{6} "
                        + "(samverkansvaven.data.municipality-code-pattern)) but is the id of a stored body; give that "
                        + "body another id"));
    }

    private static KnownIds reference(Set<String> municipalities) {
        return new KnownIds(municipalities, Set.of(), Set.of("MILJO"), Map.of(), Set.of(), Map.of());
    }

    private static BundleValidator.Result validate(MunicipalityCodes codes, KnownIds reference, String bodies,
            String parties) {
        var errors = new BundleErrors(1000, java.util.Comparator.comparing(BundleError::file));
        var reader = new CsvReader(errors, new InputLimits(2000, 1_000_000, 100_000, null, 64, 1000, java.time.Duration.ofMinutes(15)));
        Map<BundleFile, CsvTable> tables = new EnumMap<>(BundleFile.class);
        tables.put(BundleFile.BODIES, reader.read(BundleFile.BODIES, bodies.getBytes(StandardCharsets.UTF_8)));
        tables.put(BundleFile.PARTIES, reader.read(BundleFile.PARTIES, parties.getBytes(StandardCharsets.UTF_8)));
        assertThat(errors.first()).isEmpty();
        return new BundleValidator(reference, codes, 1000).validate(tables);
    }
}
