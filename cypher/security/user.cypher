// User $username (no row: no such user).
MATCH (u:User {username: $username})
RETURN u
