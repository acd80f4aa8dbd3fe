package se.samverkansvaven.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on input (README "Configuration"): exceeding one is a 422 naming it (the upload size a 413).
 *
 * @param fieldLength longest value of one CSV cell or one text field of the editing API, in characters
 * @param rowsPerFile most data rows in one bundle file
 * @param rowsPerTransaction a bundle with more rows than this, all of whose bodies are new, is validated
 *        completely and then written in transactions of about this many party rows (docs/data.md, "Large
 *        bundles"): Neo4j keeps a transaction's state on the heap until it commits
 */
@ConfigurationProperties("samverkansvaven.limits")
public record InputLimits(@DefaultValue("2000") int fieldLength, @DefaultValue("1000000") int rowsPerFile,
                          @DefaultValue("100000") int rowsPerTransaction) {}
