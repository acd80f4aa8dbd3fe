// Removing the illustrative data, step 1: every relationship marked illustrative (real rows keep theirs).
MATCH ()-[r]->()
WHERE r.illustrative
DELETE r
