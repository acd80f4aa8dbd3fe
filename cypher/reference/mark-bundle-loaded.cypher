// Shipped bundle $bundle is loaded (named once, last).
MERGE (r:GraphRevision {id: 'main'})
SET r.bundles = [b IN coalesce(r.bundles, []) WHERE b <> $bundle] + $bundle
