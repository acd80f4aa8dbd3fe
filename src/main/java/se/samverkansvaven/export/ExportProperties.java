package se.samverkansvaven.export;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the exports (README "Configuration", docs/exports.md).
 *
 * @param rawCsvCells write CSV cells exactly as stored, also those a spreadsheet would run as a formula
 *                    (starting with {@code = + - @}, TAB or CR); by default they get a leading {@code '}
 *                    ({@link Csv}). For researchers who read the files with code rather than a spreadsheet.
 */
@ConfigurationProperties("samverkansvaven.export")
public record ExportProperties(@DefaultValue("false") boolean rawCsvCells) {}
