package se.samverkansvaven.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverkansvaven.database.CypherFiles;
import se.samverkansvaven.security.CurrentUser;
import se.samverkansvaven.web.BadParameterException;

/**
 * {@code GET /api/changes?entity=&since=&user=&limit=&illustrative=}: the audit trail, newest first;
 * {@code illustrative=false} leaves out the entries about illustrative bodies and rows (cypher/audit/changes.cypher).
 */
@RestController
class ChangeController {

    private static final String QUERY = CypherFiles.load("cypher/audit/changes.cypher");

    private final Driver driver;

    ChangeController(Driver driver) {
        this.driver = driver;
    }

    @GetMapping("/api/changes")
    List<Map<String, Object>> changes(@RequestParam(required = false) String entity,
            @RequestParam(required = false) String since, @RequestParam(required = false) String user,
            @RequestParam(defaultValue = "500") int limit, @RequestParam(defaultValue = "true") boolean illustrative) {
        // Editors' names are for logged-in readers only (personal data, and half of a password guess): an anonymous
        // answer leaves `user` empty and may not filter by it (which would tell whether a name exists).
        boolean loggedIn = CurrentUser.loggedIn();
        if (!loggedIn && blankToNull(user) != null) {
            throw new AuthenticationCredentialsNotFoundException("Filtering the audit trail by user needs a login");
        }
        if (limit < 1 || limit > 5000) {
            throw new BadParameterException("limit", "give a number from 1 to 5000.");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("entity", blankToNull(entity));
        params.put("user", blankToNull(user));
        params.put("since", since(blankToNull(since)));
        params.put("limit", limit);
        params.put("illustrative", illustrative);
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(QUERY, params).list(record -> {
                var c = record.get("c");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("at", c.get("at").asZonedDateTime().toOffsetDateTime().toString());
                for (String key : List.of("user", "action", "entityType", "entityId", "field", "before", "after",
                        "reason")) {
                    row.put(key, c.get(key).isNull() || (key.equals("user") && !loggedIn) ? null : c.get(key).asString());
                }
                return row;
            }));
        }
    }

    /** A date (start of that day in Sweden) or a full ISO date-time. */
    private static String since(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneId.of("Europe/Stockholm")).toOffsetDateTime().toString();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(value).toString();
            } catch (DateTimeParseException e) {
                throw new BadParameterException("since", "'" + value + "' is neither a date YYYY-MM-DD nor a date-time "
                        + "like 2026-01-31T12:00:00+01:00.");
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
