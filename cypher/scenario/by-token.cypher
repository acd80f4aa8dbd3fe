// The scenario shared with read link $token (no row: none, or the link was withdrawn).
MATCH (s:Scenario {shareToken: $token})
RETURN s
