package se.samverkansvaven.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** RFC 4180 CSV, UTF-8, LF line ends, quoted only where needed (comma, quote, CR or LF in a value). */
final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private Csv() {}

    static byte[] table(List<String> header, List<List<Object>> rows) throws IOException {
        var bytes = new ByteArrayOutputStream(64 * 1024);
        try (var printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), FORMAT)) {
            printer.printRecord(header);
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(Values::text).toList());
            }
        }
        return bytes.toByteArray();
    }
}
