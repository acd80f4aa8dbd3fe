// Shipped bundle $bundle is no longer loaded (its rows were removed).
MATCH (r:GraphRevision {id: 'main'})
SET r.bundles = [b IN coalesce(r.bundles, []) WHERE b <> $bundle]
