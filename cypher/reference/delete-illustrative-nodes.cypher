// Removing the illustrative data, step 2: every body, actor, goal and coverage row marked illustrative, with what
// is left of its relationships.
MATCH (n:Body|Actor|Goal|Coverage)
WHERE n.illustrative
DETACH DELETE n
