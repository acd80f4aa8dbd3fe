// Export filter check: whether service area $area exists (else 404).
OPTIONAL MATCH (a:ServiceArea {id: $area}) RETURN a IS NOT NULL AS found
