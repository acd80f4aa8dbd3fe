package se.samverkansvaven.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one bundle file: strict UTF-8 (a UTF-8 byte order mark is dropped), RFC 4180 CSV with a header
 * row, line endings LF or CRLF. Problems with the file itself (encoding, quoting, header, field counts)
 * are added to the error list; the rows that could be read are returned. Hand-written rather than a
 * library so every record knows the physical line it starts on, even after a quoted line break.
 */
final class CsvReader {

    private final BundleErrors errors;
    private final InputLimits limits;
    private final boolean neutralisedCells;

    CsvReader(BundleErrors errors, InputLimits limits) {
        this(errors, limits, false);
    }

    /**
     * @param neutralisedCells the bundle was exported with cells neutralised against formula injection
     *                         (its metadata.json says so): a cell starting with {@code '} is read one {@code '}
     *                         shorter, which is the value that was exported (docs/exports.md)
     */
    CsvReader(BundleErrors errors, InputLimits limits, boolean neutralisedCells) {
        this.errors = errors;
        this.limits = limits;
        this.neutralisedCells = neutralisedCells;
    }

    /** The table, or null when the file cannot be read at all (encoding or header errors). */
    CsvTable read(BundleFile file, byte[] bytes) {
        String text = decode(file.fileName(), bytes);
        if (text == null) {
            return null;
        }
        List<Record> records = parse(file.fileName(), text);
        if (records.isEmpty()) {
            error(file, 1, null, "the file is empty; it needs a header row with the columns "
                    + String.join(",", file.columns()));
            return null;
        }
        int[] target = headerMapping(file, records.getFirst());
        if (target == null) {
            return null;
        }
        if (records.size() - 1 > limits.rowsPerFile()) {
            error(file, 0, null, "the file has " + (records.size() - 1) + " rows; the most allowed is "
                    + limits.rowsPerFile() + " (samverkansvaven.limits.rows-per-file); split the bundle");
            return null;
        }
        List<CsvTable.Row> rows = new ArrayList<>(records.size() - 1);
        int width = file.columns().size();
        for (Record record : records.subList(1, records.size())) {
            if (record.fields.size() != target.length) {
                error(file, record.line, null, "this row has " + record.fields.size() + " fields but the header has "
                        + target.length + "; a comma inside a value needs the value in double quotes");
                continue;
            }
            String[] cells = new String[width];
            for (int i = 0; i < target.length; i++) {
                String value = record.fields.get(i);
                if (neutralisedCells && value.startsWith("'")) {
                    value = value.substring(1);
                }
                if (value.length() > limits.fieldLength()) {
                    error(file, record.line, file.columns().get(target[i]), "the value has " + value.length()
                            + " characters; the most allowed is " + limits.fieldLength()
                            + " (samverkansvaven.limits.field-length)");
                    value = "";
                }
                cells[target[i]] = value.isEmpty() ? null : value;
            }
            rows.add(new CsvTable.Row(record.line, cells));
        }
        return new CsvTable(file, rows);
    }

    /** For each header position, the index of that column in the format; null when the header is wrong. */
    private int[] headerMapping(BundleFile file, Record header) {
        List<String> expected = file.columns();
        Map<String, Integer> seen = new HashMap<>();
        int[] target = new int[header.fields.size()];
        boolean ok = true;
        for (int i = 0; i < header.fields.size(); i++) {
            String name = header.fields.get(i);
            int index = expected.indexOf(name);
            if (index < 0) {
                error(file, header.line, name, "unknown column '" + name + "'; " + file.fileName()
                        + " has the columns " + String.join(",", expected));
                ok = false;
            } else if (seen.putIfAbsent(name, i) != null) {
                error(file, header.line, name, "the column '" + name + "' appears twice in the header");
                ok = false;
            }
            target[i] = index;
        }
        for (String name : expected) {
            if (!seen.containsKey(name)) {
                error(file, header.line, name, "the column '" + name + "' is missing from the header; "
                        + file.fileName() + " has the columns " + String.join(",", expected));
                ok = false;
            }
        }
        return ok ? target : null;
    }

    private String decode(String fileName, byte[] bytes) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        } else if (bytes.length >= 2 && (((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)
                || ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE))) {
            errors.add(new BundleError(fileName, 1, null,
                    "the file is UTF-16; save it as UTF-8 (in Excel: CSV UTF-8)"));
            return null;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int position = in.position();
            int line = 1;
            for (int i = 0; i < position; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            errors.add(new BundleError(fileName, line, null, String.format(
                    "the file is not valid UTF-8 (byte 0x%02X on this line); it looks saved as Latin-1 or "
                            + "Windows-1252: save it as UTF-8 (in Excel: CSV UTF-8)", bytes[position] & 0xFF)));
            return null;
        }
        return out.flip().toString();
    }

    private record Record(int line, List<String> fields) {}

    private List<Record> parse(String fileName, String text) {
        List<Record> records = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int line = 1;
        StringBuilder field = new StringBuilder();
        while (i < n) {
            int recordLine = line;
            List<String> fields = new ArrayList<>();
            boolean broken = false;
            while (true) {
                field.setLength(0);
                if (i < n && text.charAt(i) == '"') {
                    int quoteLine = line;
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = text.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && text.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            break;
                        }
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                        i++;
                    }
                    if (!closed) {
                        errors.add(new BundleError(fileName, quoteLine, null,
                                "a double quote opened on this line is never closed"));
                        return records;
                    }
                    if (i < n && !isDelimiter(text.charAt(i))) {
                        errors.add(new BundleError(fileName, line, null,
                                "text follows a closing double quote; write a quote inside a quoted value as \"\""));
                        broken = true;
                    }
                } else {
                    int from = i;
                    while (i < n && !isDelimiter(text.charAt(i))) {
                        if (text.charAt(i) == '"' && !broken) {
                            errors.add(new BundleError(fileName, line, null,
                                    "a double quote inside a value that does not start with one; put the whole "
                                            + "value in double quotes and write the quote as \"\""));
                            broken = true;
                        }
                        i++;
                    }
                    field.append(text, from, i);
                }
                if (broken) {
                    // Skip the rest of the physical line; its fields cannot be trusted.
                    while (i < n && text.charAt(i) != '\n') {
                        i++;
                    }
                }
                fields.add(field.toString());
                if (i < n && text.charAt(i) == ',' && !broken) {
                    i++;
                    continue;
                }
                break;
            }
            // End of record: CRLF, LF, a lone CR, or the end of the text.
            if (i < n && text.charAt(i) == '\r') {
                i++;
            }
            if (i < n && text.charAt(i) == '\n') {
                i++;
            }
            line++;
            boolean blank = fields.size() == 1 && fields.getFirst().isEmpty();
            if (!broken && !blank) {
                records.add(new Record(recordLine, fields));
            }
        }
        return records;
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    private void error(BundleFile file, int line, String column, String message) {
        errors.add(new BundleError(file.fileName(), line, column, message));
    }
}
