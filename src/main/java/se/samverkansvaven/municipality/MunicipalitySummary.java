package se.samverkansvaven.municipality;

/** A municipality in the search list of {@code GET /api/municipalities}. */
record MunicipalitySummary(String code, String name, String countyCode) {}
