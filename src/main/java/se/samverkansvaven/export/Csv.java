package se.samverkansvaven.export;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV, UTF-8, LF line ends, quoted only where needed (comma, quote, CR or LF in a value).
 *
 * <p>Cells are neutralised against formula injection unless the caller asks for them raw
 * (samverkansvaven.export.raw-csv-cells): a spreadsheet runs a cell that starts with {@code = + - @} (or TAB or
 * CR, after which it may look again) as a formula, e.g. {@code =HYPERLINK(…)} in a body's name. Such a cell gets
 * a leading {@code '}, as OWASP's CSV injection guidance says; spreadsheets show the value without that
 * quote, as text. A cell that already starts with {@code '} gets one too, so one {@code '} less is always the
 * original value ({@link #unneutralise}, what the loader does with an exported bundle). A cell that is a
 * number ({@code -12.5}, {@code +3}) is no formula and stays as it is.
 */
final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Csv() {}

    static byte[] table(List<String> header, List<List<Object>> rows, boolean neutralise) throws IOException {
        var bytes = new ByteArrayOutputStream(64 * 1024);
        table(header, rows, neutralise, bytes);
        return bytes.toByteArray();
    }

    /** Writes the table to {@code out}, flushed, which stays open. */
    static void table(List<String> header, Iterable<? extends List<?>> rows, boolean neutralise, OutputStream out)
            throws IOException {
        var printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                FORMAT);
        printer.printRecord(header);
        for (List<?> row : rows) {
            printer.printRecord(row.stream().map(Values::text).map(v -> neutralise ? neutralise(v) : v).toList());
        }
        printer.flush();
    }

    /** The cell with a leading {@code '} when a spreadsheet could take it for a formula (or it starts with one). */
    static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '@', '\t', '\r', '\'' -> "'" + cell;
            case '+', '-' -> NUMBER.matcher(cell).matches() ? cell : "'" + cell;
            default -> cell;
        };
    }
}
