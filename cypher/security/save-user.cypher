// Creates user $username, or replaces the password hash, roles and scopes of an existing one; the version moves on.
MERGE (u:User {username: $username})
SET u.passwordHash = $hash, u.roles = $roles, u.scopes = $scopes,
    u.version = coalesce(u.version, 0) + 1
RETURN u
