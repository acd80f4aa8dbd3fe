package se.samverkansvaven.security;

import java.util.List;
import java.util.Set;

/**
 * A stored user ({@code :User} node).
 *
 * @param scopes for an EDITOR: {@code municipality:1496} or {@code federation:fed-skaraborg}
 */
public record UserAccount(String username, String passwordHash, Set<Role> roles, List<String> scopes, long version) {

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Never the hash in a log line. */
    @Override
    public String toString() {
        return "UserAccount[" + username + ", roles=" + roles + ", scopes=" + scopes + "]";
    }
}
