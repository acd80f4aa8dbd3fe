package se.samverkansvaven.importing;

import java.util.List;

/**
 * One parsed bundle file: its data rows, each with its cells in the order of {@link BundleFile#columns()}
 * whatever the order of the file's header.
 */
record CsvTable(BundleFile file, List<Row> rows) {

    /**
     * @param line  the physical line the record starts on (the header is line 1)
     * @param cells cells in the bundle format's column order; an empty cell is null
     */
    record Row(int line, String[] cells) {
        String get(int column) {
            return cells[column];
        }
    }
}
