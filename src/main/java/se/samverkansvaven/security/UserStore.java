package se.samverkansvaven.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;
import se.samverkansvaven.database.CypherFiles;
import se.samverkansvaven.database.GraphRevisions;

/** Users as {@code :User {username, passwordHash, roles, scopes, version}} nodes. */
@Component
public class UserStore {

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    static final Pattern SCOPE = Pattern.compile("(municipality:[0-9]{4})|(federation:[a-z0-9][a-z0-9-]{0,63})");

    private static final String USER = CypherFiles.load("cypher/security/user.cypher");
    private static final String ANY_ADMIN = CypherFiles.load("cypher/security/any-admin.cypher");
    private static final String SAVE = CypherFiles.load("cypher/security/save-user.cypher");

    private final Driver driver;
    private final GraphRevisions revisions;

    UserStore(Driver driver, GraphRevisions revisions) {
        this.driver = driver;
        this.revisions = revisions;
    }

    public Optional<UserAccount> find(String username) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(USER, Map.of("username", username)).list().stream().findFirst()
                    .map(UserStore::account));
        }
    }

    boolean anyAdmin() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(ANY_ADMIN).single().get("any").asBoolean());
        }
    }

    /**
     * Creates a user, or replaces the password, roles and scopes of an existing one (version + 1).
     *
     * @throws IllegalArgumentException on a malformed name, scope or an EDITOR without scope
     */
    public UserAccount save(String username, String passwordHash, Set<Role> roles, List<String> scopes) {
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("a username is 1 to 64 letters, digits or . _ @ -");
        }
        for (String scope : scopes) {
            if (!SCOPE.matcher(scope).matches()) {
                throw new IllegalArgumentException("'" + scope + "' is not a scope; write municipality:CODE "
                        + "(four digits) or federation:ID");
            }
        }
        if (roles.contains(Role.EDITOR) && !roles.contains(Role.ADMIN) && scopes.isEmpty()) {
            throw new IllegalArgumentException("an EDITOR needs at least one scope (municipality:CODE or federation:ID)");
        }
        try (var session = driver.session()) {
            return revisions.write(session, tx -> {
                var record = tx.run(SAVE, Map.of("username", username, "hash", passwordHash,
                        "roles", roles.stream().map(Role::name).sorted().toList(), "scopes", scopes)).single();
                GraphRevisions.bump(tx);
                return account(record);
            });
        }
    }

    private static UserAccount account(Record record) {
        Value u = record.get("u");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        u.get("roles").asList(Value::asString).forEach(r -> roles.add(Role.valueOf(r)));
        return new UserAccount(u.get("username").asString(), u.get("passwordHash").asString(), roles,
                u.get("scopes").isNull() ? List.of() : u.get("scopes").asList(Value::asString),
                u.get("version").asLong(0));
    }
}
