package se.samverkansvaven.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import se.samverkansvaven.testing.GraphChecksum;

/**
 * One test per loader rule (domain.md "Data exchange format", docs/model.md): the valid {@link TestBundle}
 * broken in one place, the exact errors expected, and the graph unchanged afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BundleRulesTest {

    private static final String PARTY_TO_BODY = "a body is a party only as a network that is PARTICIPANT of an "
            + "initiative, or as a CONVENER of a network or initiative";
    private static final String ONE_HOST = "; it needs exactly one HOST on every day it is active";
    private static final String SEAT = "; a federation's seat must be one of its members (add a MEMBER row to parties.csv)";

    @Autowired
    BundleImporter importer;

    @Autowired
    Driver driver;

    @BeforeEach
    void graphHoldsTheValidBundle() {
        importer.importBundle(TestBundle.valid().toFiles());
    }

    // ---- files, encoding, CSV, headers -------------------------------------------------------------------

    @Test
    void unknownFileName() {
        assertRejected(TestBundle.valid().file("members.csv", "body_id,party\n"),
                new BundleError("members.csv", 0, null, "unknown file 'members.csv'; a bundle holds only bodies.csv, "
                        + "parties.csv, actors.csv, areas.csv, links.csv, goals.csv, body_goals.csv, goal_relations.csv, coverage.csv"));
    }

    @Test
    void bodiesAndPartiesAreRequired() {
        assertRejected(TestBundle.valid().without("parties.csv"),
                new BundleError("parties.csv", 0, null,
                        "the bundle has no parties.csv; every bundle needs bodies.csv and parties.csv"));
    }

    @Test
    void headerMustHaveExactlyTheColumns() {
        String columns = "parties.csv has the columns body_id,party,role,valid_from,valid_to,representative,source";
        assertRejected(TestBundle.valid().line("parties.csv", 1, "body_id,party,role,valid_from,valid_to,representative,kalla"),
                new BundleError("parties.csv", 1, "kalla", "unknown column 'kalla'; " + columns),
                new BundleError("parties.csv", 1, "source", "the column 'source' is missing from the header; " + columns));
    }

    @Test
    void invalidUtf8IsRejected() {
        var files = new LinkedHashMap<>(TestBundle.valid().toFiles().files());
        String parties = new String(files.get("parties.csv"), StandardCharsets.UTF_8);
        files.put("parties.csv", parties.getBytes(StandardCharsets.ISO_8859_1)); // "lönechef" on line 6
        assertRejected(BundleFiles.of(files), new BundleError("parties.csv", 6, null, "the file is not valid UTF-8 "
                + "(byte 0xF6 on this line); it looks saved as Latin-1 or Windows-1252: save it as UTF-8 (in Excel: CSV UTF-8)"));
    }

    @Test
    void rowWithTheWrongNumberOfFields() {
        assertRejected(TestBundle.valid().line("parties.csv", 9, "t-net,1499,PARTICIPANT,,,"),
                new BundleError("parties.csv", 9, null,
                        "this row has 6 fields but the header has 7; a comma inside a value needs the value in double quotes"));
    }

    @Test
    void unclosedQuote() {
        assertRejected(TestBundle.valid().append("bodies.csv", "t-x,NETWORK,\"Öppet citat,MILJO,STRATEGIC,,,,,s"),
                new BundleError("bodies.csv", 8, null, "a double quote opened on this line is never closed"));
    }

    @Test
    void linesArePhysicalLinesEvenAfterAQuotedLineBreak() {
        // The name on line 3 spans two lines, so t-net2 (line 5 of the valid bundle) starts on line 6.
        assertRejected(TestBundle.valid()
                        .line("bodies.csv", 5, "t-net2,NETWORK,Socialchefsnätverk,SOCIAL,,,,,,illustrative")
                        .line("bodies.csv", 3, "t-jc,JOINT_COMMITTEE,\"Gemensam\nnämnd\",,,,,2020-01-01,2025-01-01,illustrative"),
                new BundleError("bodies.csv", 6, "level",
                        "the network t-net2 has no level; every network needs one of POLITICAL, STRATEGIC, TACTICAL, OPERATIONAL"));
    }

    // ---- ids -----------------------------------------------------------------------------------------

    @Test
    void idSyntax() {
        String tooLong = "a".repeat(65);
        assertRejected(TestBundle.valid()
                        .append("bodies.csv", "Fed_X,FEDERATION,X,,,,,,,s")
                        .append("bodies.csv", tooLong + ",FEDERATION,X,,,,,,,s"),
                new BundleError("bodies.csv", 8, "id", "'Fed_X' is not a valid id: use 1 to 64 lower-case letters a-z, "
                        + "digits and hyphens, starting with a letter or digit"),
                new BundleError("bodies.csv", 9, "id", "'" + tooLong + "' is not a valid id: use 1 to 64 lower-case "
                        + "letters a-z, digits and hyphens, starting with a letter or digit"));
    }

    @Test
    void idIsNeverFourDigits() {
        assertRejected(TestBundle.valid().append("actors.csv", "1234,OTHER,Fyra siffror,s"),
                new BundleError("actors.csv", 4, "id", "'1234' cannot be an id: four digits are a municipality code"));
    }

    @Test
    void duplicateBodyId() {
        assertRejected(TestBundle.valid().append("bodies.csv", "t-agr,AGREEMENT,Igen,,,,,,,s"),
                new BundleError("bodies.csv", 8, "id", "the id t-agr is already used on line 7 of bodies.csv"));
    }

    @Test
    void duplicateGoalId() {
        assertRejected(TestBundle.valid().append("goals.csv", "t-goal-a,Igen,s"),
                new BundleError("goals.csv", 4, "id", "the id t-goal-a is already used on line 2 of goals.csv"));
    }

    @Test
    void idsAreUniqueAcrossBodiesAndActorsInTheBundle() {
        assertRejected(TestBundle.valid().append("actors.csv", "t-net,OTHER,Krock,s"),
                new BundleError("actors.csv", 4, "id", "the id t-net is also the id of a body (bodies.csv line 4); "
                        + "ids are unique across bodies and actors"));
    }

    @Test
    void anActorIdMayNotBeABodyInTheDatabase() {
        importer.importBundle(BundleFiles.fromClasspath("bundles/vastra-gotaland"));
        assertRejected(TestBundle.valid().append("actors.csv", "fed-gr,OTHER,Krock,s"),
                new BundleError("actors.csv", 4, "id", "the id fed-gr already belongs to a body in the database; "
                        + "ids are unique across bodies and actors"));
    }

    @Test
    void aBodyIdMayNotBeAnActorInTheDatabase() {
        importer.importBundle(BundleFiles.fromClasspath("bundles/vastra-gotaland"));
        assertRejected(TestBundle.valid().append("bodies.csv", "region-vgr,NETWORK,Krock,MILJO,STRATEGIC,,,,,s"),
                new BundleError("bodies.csv", 8, "id", "the id region-vgr already belongs to an actor in the database; "
                        + "ids are unique across bodies and actors"));
    }

    @Test
    void requiredCellsMayNotBeEmpty() {
        assertRejected(TestBundle.valid().line("bodies.csv", 6, "t-ini,INITIATIVE,,,,,,2021-01-01,2023-01-01,illustrative"),
                new BundleError("bodies.csv", 6, "name", "name is empty; every body needs a name"));
    }

    // ---- bodies.csv values ---------------------------------------------------------------------------

    @Test
    void unknownForm() {
        assertRejected(TestBundle.valid().append("bodies.csv", "t-x,KOMMUNALFORBUND,X,,,,,,,s"),
                new BundleError("bodies.csv", 8, "form", "'KOMMUNALFORBUND' is not a known form; use one of FEDERATION, "
                        + "JOINT_COMMITTEE, AGREEMENT, COMPANY, ASSOCIATION, NETWORK, INITIATIVE"));
    }

    @Test
    void unknownSector() {
        assertRejected(TestBundle.valid().line("bodies.csv", 4, "t-net,NETWORK,Nätverk för klimat,KLIMAT,STRATEGIC,,,,,illustrative"),
                new BundleError("bodies.csv", 4, "sector", "no sector has id 'KLIMAT'; the sectors are KULTUR, LEDNING, "
                        + "MILJO, NARINGSLIV, SAKERHET, SAMHALLSBYGGNAD, SOCIAL, STOD, UTBILDNING"));
    }

    @Test
    void unknownLevelAndGovernance() {
        assertRejected(TestBundle.valid()
                        .line("bodies.csv", 2, "t-fed,FEDERATION,Testförbundet,,,STYRELSE,1496,2020-01-01,,illustrative")
                        .line("bodies.csv", 4, "t-net,NETWORK,Nätverk för klimat,MILJO,STRATEGISK,,,,,illustrative"),
                new BundleError("bodies.csv", 2, "governance", "'STYRELSE' is not a known governance; use one of ASSEMBLY, DIRECTORATE"),
                new BundleError("bodies.csv", 4, "level", "'STRATEGISK' is not a known level; use one of POLITICAL, "
                        + "STRATEGIC, TACTICAL, OPERATIONAL"));
    }

    @Test
    void aNetworkNeedsASectorAndALevel() {
        assertRejected(TestBundle.valid().line("bodies.csv", 5, "t-net2,NETWORK,Socialchefsnätverk,,,,,,,s"),
                new BundleError("bodies.csv", 5, "sector", "the network t-net2 has no sector; every network needs a "
                        + "sector and a level, which place it in the sector × level grid"),
                new BundleError("bodies.csv", 5, "level", "the network t-net2 has no level; every network needs one of "
                        + "POLITICAL, STRATEGIC, TACTICAL, OPERATIONAL"));
    }

    @Test
    void invalidDate() {
        assertRejected(TestBundle.valid().line("parties.csv", 9, "t-net,1499,PARTICIPANT,2021-02-30,,,"),
                new BundleError("parties.csv", 9, "valid_from",
                        "'2021-02-30' is not a date; write dates as YYYY-MM-DD, e.g. 2024-01-31"));
    }

    @Test
    void validToMustBeAfterValidFrom() {
        assertRejected(TestBundle.valid().line("links.csv", 2, "t-net2,t-net,JOINT_MEETING,2021-01-01,2021-01-01,illustrative"),
                new BundleError("links.csv", 2, "valid_to", "valid_to 2021-01-01 is not after valid_from 2021-01-01; "
                        + "valid_to is the first day the row no longer holds"));
    }

    // ---- seats -----------------------------------------------------------------------------------------

    @Test
    void onlyAFederationHasASeat() {
        assertRejected(TestBundle.valid().line("bodies.csv", 7, "t-agr,AGREEMENT,Avtal om e-arkiv,,,,1499,,,illustrative"),
                new BundleError("bodies.csv", 7, "seat_code",
                        "only a federation has a seat (säte), and t-agr is an agreement; leave seat_code empty"));
    }

    @Test
    void seatMustBeAKnownMunicipality() {
        assertRejected(TestBundle.valid().line("bodies.csv", 2, "t-fed,FEDERATION,Testförbundet,,,DIRECTORATE,9999,2020-01-01,,illustrative"),
                new BundleError("bodies.csv", 2, "seat_code", "no municipality has code 9999"));
    }

    @Test
    void seatMustBeAMember() {
        assertRejected(TestBundle.valid().line("bodies.csv", 2, "t-fed,FEDERATION,Testförbundet,,,DIRECTORATE,1498,2020-01-01,,illustrative"),
                new BundleError("bodies.csv", 2, "seat_code", "the seat 1498 is not a MEMBER of t-fed" + SEAT));
    }

    @Test
    void seatMustBeAMemberOnEveryDayOfTheFederation() {
        assertRejected(TestBundle.valid().line("parties.csv", 2, "t-fed,1496,MEMBER,2021-01-01,,,illustrative"),
                new BundleError("bodies.csv", 2, "seat_code",
                        "the seat 1496 is not a MEMBER of t-fed from 2020-01-01 until 2021-01-01" + SEAT));
    }

    // ---- parties.csv references --------------------------------------------------------------------------

    @Test
    void partyRowOfAnUnknownBody() {
        assertRejected(TestBundle.valid().append("parties.csv", "t-nope,1496,MEMBER,,,,"),
                new BundleError("parties.csv", 15, "body_id", "no body has id 't-nope' in bodies.csv"));
    }

    @Test
    void partyRowOfABodyOutsideTheBundle() {
        importer.importBundle(BundleFiles.fromClasspath("bundles/vastra-gotaland"));
        assertRejected(TestBundle.valid().append("parties.csv", "fed-gr,1496,MEMBER,,,,"),
                new BundleError("parties.csv", 15, "body_id", "the body fed-gr is not in this bundle's bodies.csv; a "
                        + "bundle replaces the parties, areas and goals of its own bodies only, so add fed-gr to bodies.csv"));
    }

    @Test
    void unknownMunicipality() {
        assertRejected(TestBundle.valid().line("parties.csv", 3, "t-fed,9999,MEMBER,,,,illustrative"),
                new BundleError("parties.csv", 3, "party", "no municipality has code 9999"));
    }

    @Test
    void unknownPartyId() {
        assertRejected(TestBundle.valid().line("parties.csv", 8, "t-net,t-nobody,PARTICIPANT,,,,"),
                new BundleError("parties.csv", 8, "party", "no municipality, actor or body has the code or id 't-nobody' "
                        + "(not in this bundle's actors.csv or bodies.csv, nor in the database)"));
    }

    @Test
    void partyMayBeAnActorOrBodyAlreadyInTheDatabase() {
        importer.importBundle(BundleFiles.fromClasspath("bundles/vastra-gotaland"));
        String before = GraphChecksum.withoutRevision(driver);
        importer.importBundle(TestBundle.valid().append("parties.csv", "t-net,region-vgr,PARTICIPANT,,,,")
                .append("parties.csv", "t-ini,net-gr-klimat,PARTICIPANT,,,,")
                .append("parties.csv", "t-ini,fed-gr,CONVENER,,,,").toFiles());
        assertThat(GraphChecksum.withoutRevision(driver)).isNotEqualTo(before);
    }

    // ---- roles -----------------------------------------------------------------------------------------

    @Test
    void unknownRole() {
        assertRejected(TestBundle.valid().line("parties.csv", 9, "t-net,1499,DELTAGARE,,,,"),
                new BundleError("parties.csv", 9, "role",
                        "'DELTAGARE' is not a known role; use one of MEMBER, HOST, PARTICIPANT, CONVENER"));
    }

    @Test
    void roleMustFitTheForm() {
        assertRejected(TestBundle.valid().line("parties.csv", 6, "t-jc,1498,MEMBER,,,lönechef,illustrative"),
                new BundleError("parties.csv", 6, "role",
                        "role MEMBER does not fit t-jc, which is a joint committee; its parties are HOST or PARTICIPANT"));
    }

    @Test
    void onlyNetworksAndInitiativesHaveAConvener() {
        assertRejected(TestBundle.valid().append("parties.csv", "t-fed,t-region,CONVENER,,,,"),
                new BundleError("parties.csv", 15, "role", "role CONVENER does not fit t-fed, which is a federation; "
                        + "only networks and initiatives have a convener"));
    }

    @Test
    void aBodyIsAPartyOnlyAsANetworkInAnInitiative() {
        assertRejected(TestBundle.valid()
                        .append("parties.csv", "t-ini,t-agr,PARTICIPANT,,,,")
                        .append("parties.csv", "t-net,t-net2,PARTICIPANT,,,,"),
                new BundleError("parties.csv", 15, "party", "the body t-agr cannot be PARTICIPANT of t-ini: " + PARTY_TO_BODY),
                new BundleError("parties.csv", 16, "party", "the body t-net2 cannot be PARTICIPANT of t-net: " + PARTY_TO_BODY));
    }

    @Test
    void onlyAMunicipalityOrARegionHosts() {
        assertRejected(TestBundle.valid().line("parties.csv", 13, "t-agr,t-uni,HOST,,,,illustrative"),
                new BundleError("parties.csv", 13, "party", "the actor t-uni cannot be HOST of t-agr: only a "
                        + "municipality or a region hosts a joint committee or agreement"));
    }

    // ---- dates of party rows ------------------------------------------------------------------------------

    @Test
    void partyRowOutsideItsBodysDates() {
        assertRejected(TestBundle.valid()
                        .line("parties.csv", 11, "t-ini,t-net,PARTICIPANT,2020-06-01,,,")
                        .line("parties.csv", 12, "t-ini,1496,PARTICIPANT,,2024-01-01,,"),
                new BundleError("parties.csv", 11, "valid_from",
                        "the row starts on 2020-06-01, before its body t-ini starts on 2021-01-01"),
                new BundleError("parties.csv", 12, "valid_to",
                        "the row ends on 2024-01-01, after its body t-ini ends on 2023-01-01"));
    }

    @Test
    void rowsOfOnePartyInOneBodyMayNotOverlap() {
        assertRejected(TestBundle.valid().line("parties.csv", 7, "t-jc,1496,PARTICIPANT,2021-06-01,,,illustrative"),
                new BundleError("parties.csv", 7, "valid_from",
                        "this row overlaps line 4: 1496 would be a party of t-jc twice from 2021-06-01 until 2022-01-01"));
    }

    @Test
    void duplicatePartyRow() {
        assertRejected(TestBundle.valid().append("parties.csv", "t-net,1499,PARTICIPANT,,,,another source"),
                new BundleError("parties.csv", 15, "party",
                        "duplicate row: line 9 already has 1499 as PARTICIPANT of t-net from the start"));
    }

    // ---- hosts -------------------------------------------------------------------------------------------

    @Test
    void aJointCommitteeWithoutHost() {
        assertRejected(TestBundle.valid()
                        .line("parties.csv", 4, "t-jc,1496,PARTICIPANT,,2022-01-01,,illustrative")
                        .line("parties.csv", 5, "t-jc,1497,PARTICIPANT,2022-01-01,,,illustrative"),
                new BundleError("bodies.csv", 3, "id", "A joint committee t-jc has no HOST in parties.csv" + ONE_HOST));
    }

    @Test
    void aJointCommitteeWithADayWithoutHost() {
        assertRejected(TestBundle.valid().line("parties.csv", 5, "t-jc,1497,HOST,2022-03-01,,,illustrative"),
                new BundleError("bodies.csv", 3, "id",
                        "A joint committee t-jc has no HOST from 2022-01-01 until 2022-03-01" + ONE_HOST));
    }

    @Test
    void aJointCommitteeWithTwoHosts() {
        assertRejected(TestBundle.valid().line("parties.csv", 5, "t-jc,1497,HOST,2021-09-01,,,illustrative"),
                new BundleError("parties.csv", 5, "role", "A joint committee t-jc has two HOSTs from 2021-09-01 until "
                        + "2022-01-01: 1496 (line 4) and 1497 (line 5)"));
    }

    @Test
    void anOpenEndedAgreementNeedsAHostForEver() {
        assertRejected(TestBundle.valid().line("parties.csv", 13, "t-agr,1499,HOST,2019-01-01,2024-01-01,,illustrative"),
                new BundleError("bodies.csv", 7, "id", "An agreement t-agr has no HOST before 2019-01-01" + ONE_HOST),
                new BundleError("bodies.csv", 7, "id", "An agreement t-agr has no HOST from 2024-01-01 on" + ONE_HOST));
    }

    // ---- actors, areas, links, goals ------------------------------------------------------------------

    @Test
    void unknownActorKind() {
        assertRejected(TestBundle.valid().line("actors.csv", 3, "t-uni,UNIVERSITET,Testhögskolan,illustrative"),
                new BundleError("actors.csv", 3, "kind",
                        "'UNIVERSITET' is not a known actor kind; use one of REGION, AGENCY, ACADEMIA, OTHER"));
    }

    @Test
    void unknownArea() {
        assertRejected(TestBundle.valid().line("areas.csv", 3, "t-jc,loner"),
                new BundleError("areas.csv", 3, "area", "no service area has id 'loner'"));
    }

    @Test
    void areaOfABodyNotInTheBundleAndDuplicateArea() {
        assertRejected(TestBundle.valid().append("areas.csv", "t-nope,lon").append("areas.csv", "t-fed,raddningstjanst"),
                new BundleError("areas.csv", 5, "body_id", "no body has id 't-nope' in bodies.csv"),
                new BundleError("areas.csv", 6, "area", "duplicate row: line 2 already links t-fed and raddningstjanst"));
    }

    @Test
    void linksJoinTwoDifferentNetworks() {
        assertRejected(TestBundle.valid()
                        .line("links.csv", 2, "t-fed,t-net,JOINT_MEETING,2021-01-01,,illustrative")
                        .append("links.csv", "t-net,t-net,LIAISON,,,")
                        .append("links.csv", "t-net,t-nope,LIAISON,,,"),
                new BundleError("links.csv", 2, "a", "t-fed is a federation; links join two networks"),
                new BundleError("links.csv", 3, "b", "a network cannot be linked with itself (t-net)"),
                new BundleError("links.csv", 4, "b", "no body has id 't-nope' in this bundle's bodies.csv or in the database"));
    }

    @Test
    void unknownLinkKindAndDuplicateLink() {
        assertRejected(TestBundle.valid()
                        .append("links.csv", "t-net,t-net2,MOTE,,,")
                        .append("links.csv", "t-net,t-net2,JOINT_MEETING,2021-01-01,,another source"),
                new BundleError("links.csv", 3, "kind", "'MOTE' is not a known link kind; use one of JOINT_MEETING, "
                        + "SHARED_INITIATIVE, LIAISON, OTHER"),
                new BundleError("links.csv", 4, "a",
                        "duplicate link: line 2 already links t-net and t-net2 as JOINT_MEETING from 2021-01-01"));
    }

    @Test
    void bodyGoalsNeedKnownBodiesAndGoals() {
        assertRejected(TestBundle.valid().append("body_goals.csv", "t-net,t-goal-x").append("body_goals.csv", "t-nope,t-goal-a"),
                new BundleError("body_goals.csv", 3, "goal_id", "no goal has id 't-goal-x' in goals.csv or in the database"),
                new BundleError("body_goals.csv", 4, "body_id", "no body has id 't-nope' in bodies.csv"));
    }

    @Test
    void goalRelationsNeedAKnownKindAndTwoKnownGoals() {
        assertRejected(TestBundle.valid()
                        .line("goal_relations.csv", 2, "t-goal-b,t-goal-a,HINDERS")
                        .append("goal_relations.csv", "t-goal-a,t-goal-z,SUPPORTS")
                        .append("goal_relations.csv", "t-goal-a,t-goal-a,SUPPORTS"),
                new BundleError("goal_relations.csv", 2, "kind", "'HINDERS' is not a goal relation; use CONFLICTS_WITH or SUPPORTS"),
                new BundleError("goal_relations.csv", 3, "b", "no goal has id 't-goal-z' in goals.csv or in the database"),
                new BundleError("goal_relations.csv", 4, "b", "a goal cannot be related to itself (t-goal-a)"));
    }

    @Test
    void duplicateGoalRelationInEitherDirection() {
        assertRejected(TestBundle.valid().append("goal_relations.csv", "t-goal-a,t-goal-b,CONFLICTS_WITH"),
                new BundleError("goal_relations.csv", 3, "a",
                        "duplicate row: line 2 already has t-goal-a CONFLICTS_WITH t-goal-b"));
    }

    // ---- all errors at once ---------------------------------------------------------------------------

    @Test
    void everyErrorIsReportedNotOnlyTheFirst() {
        assertRejected(TestBundle.valid()
                        .append("bodies.csv", "t-x,KOMMUNALFORBUND,X,,,,,,,s")
                        .line("parties.csv", 3, "t-fed,9999,MEMBER,,,,illustrative")
                        .line("parties.csv", 9, "t-net,0000,PARTICIPANT,,,,")
                        .line("areas.csv", 3, "t-jc,loner"),
                new BundleError("bodies.csv", 8, "form", "'KOMMUNALFORBUND' is not a known form; use one of FEDERATION, "
                        + "JOINT_COMMITTEE, AGREEMENT, COMPANY, ASSOCIATION, NETWORK, INITIATIVE"),
                new BundleError("parties.csv", 3, "party", "no municipality has code 9999"),
                new BundleError("parties.csv", 9, "party", "no municipality has code 0000"),
                new BundleError("areas.csv", 3, "area", "no service area has id 'loner'"));
    }

    private void assertRejected(TestBundle bundle, BundleError... expected) {
        assertRejected(bundle.toFiles(), expected);
    }

    private void assertRejected(BundleFiles files, BundleError... expected) {
        String before = GraphChecksum.of(driver);
        assertThatThrownBy(() -> importer.importBundle(files))
                .isInstanceOfSatisfying(BundleRejectedException.class,
                        e -> assertThat(e.errors()).containsExactly(expected));
        assertThat(GraphChecksum.of(driver)).as("the graph after a rejected bundle").isEqualTo(before);
    }
}
