// Whether the graph holds any illustrative row (a body, actor, goal or coverage row marked illustrative).
RETURN EXISTS { MATCH (n:Body|Actor|Goal|Coverage) WHERE n.illustrative } AS present
