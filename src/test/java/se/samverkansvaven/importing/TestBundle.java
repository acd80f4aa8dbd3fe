package se.samverkansvaven.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small valid bundle using every file and rule, which each rule test breaks in one place. Line numbers
 * in the tests refer to the lines below (the header is line 1).
 */
final class TestBundle {

    private final Map<String, String> files = new LinkedHashMap<>();

    private TestBundle() {}

    static TestBundle empty() {
        return new TestBundle();
    }

    static TestBundle valid() {
        return new TestBundle()
                .file("bodies.csv", """
                        id,form,name,sector,level,governance,seat_code,valid_from,valid_to,source
                        t-fed,FEDERATION,Testförbundet,,,DIRECTORATE,1496,2020-01-01,,illustrative
                        t-jc,JOINT_COMMITTEE,"Gemensam nämnd, lön",,,,,2020-01-01,2025-01-01,illustrative
                        t-net,NETWORK,Nätverk för klimat,MILJO,STRATEGIC,,,,,illustrative
                        t-net2,NETWORK,Socialchefsnätverk,SOCIAL,OPERATIONAL,,,,,"Beslut 2021:4, ""bilaga"" 2"
                        t-ini,INITIATIVE,Projekt,,,,,2021-01-01,2023-01-01,illustrative
                        t-agr,AGREEMENT,Avtal om e-arkiv,,,,,,,illustrative
                        """)
                .file("parties.csv", """
                        body_id,party,role,valid_from,valid_to,representative,source
                        t-fed,1496,MEMBER,2020-01-01,,,illustrative
                        t-fed,1497,MEMBER,,,,illustrative
                        t-jc,1496,HOST,,2022-01-01,,illustrative
                        t-jc,1497,HOST,2022-01-01,,,illustrative
                        t-jc,1498,PARTICIPANT,,,lönechef,illustrative
                        t-jc,1496,PARTICIPANT,2022-01-01,,,illustrative
                        t-net,t-region,PARTICIPANT,,,,
                        t-net,1499,PARTICIPANT,,,,
                        t-net,t-fed,CONVENER,,,,illustrative
                        t-ini,t-net,PARTICIPANT,,,,
                        t-ini,1496,PARTICIPANT,,,,
                        t-agr,1499,HOST,,,,illustrative
                        t-agr,1498,PARTICIPANT,,,,illustrative
                        """)
                .file("actors.csv", """
                        id,kind,name,source
                        t-region,REGION,Testregionen,illustrative
                        t-uni,ACADEMIA,Testhögskolan,illustrative
                        """)
                .file("areas.csv", """
                        body_id,area
                        t-fed,raddningstjanst
                        t-jc,lon
                        t-agr,e-arkiv
                        """)
                .file("links.csv", """
                        a,b,kind,valid_from,valid_to,source
                        t-net2,t-net,JOINT_MEETING,2021-01-01,,illustrative
                        """)
                .file("goals.csv", """
                        id,name,source
                        t-goal-a,Klimat 2030,illustrative
                        t-goal-b,Tillväxt,illustrative
                        """)
                .file("body_goals.csv", """
                        body_id,goal_id
                        t-net,t-goal-a
                        """)
                .file("goal_relations.csv", """
                        a,b,kind
                        t-goal-b,t-goal-a,CONFLICTS_WITH
                        """);
    }

    TestBundle file(String name, String content) {
        files.put(name, content);
        return this;
    }

    TestBundle without(String name) {
        files.remove(name);
        return this;
    }

    /** Replaces line {@code line} (1-based, header = 1) of a file. */
    TestBundle line(String name, int line, String content) {
        List<String> lines = lines(name);
        lines.set(line - 1, content);
        files.put(name, String.join("\n", lines) + "\n");
        return this;
    }

    /** Adds a line at the end of a file; it becomes line {@code lines + 1}. */
    TestBundle append(String name, String content) {
        List<String> lines = lines(name);
        lines.add(content);
        files.put(name, String.join("\n", lines) + "\n");
        return this;
    }

    private List<String> lines(String name) {
        String content = files.get(name);
        if (content == null) {
            throw new IllegalArgumentException("No file " + name + " in the test bundle");
        }
        return new ArrayList<>(Arrays.asList(content.split("\n", -1)).subList(0, content.endsWith("\n")
                ? content.split("\n", -1).length - 1 : content.split("\n", -1).length));
    }

    BundleFiles toFiles() {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, content) -> bytes.put(name, content.getBytes(StandardCharsets.UTF_8)));
        return BundleFiles.of(bytes);
    }

    /** A zip of the bundle; with a top folder when {@code folder} is not null. */
    byte[] toZip(String folder) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            if (folder != null) {
                zip.putNextEntry(new ZipEntry(folder + "/"));
                zip.closeEntry();
            }
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry((folder == null ? "" : folder + "/") + file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
