package se.samverkansvaven.source;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cited source, as a person reads it: who published it and its title ({@code label}), the address when
 * there is one, and the day it was read. A row's {@code source} cell holds one or more citations separated by
 * {@code "; "}, each written {@code Publisher: Title. https://address (read YYYY-MM-DD)} (docs/data.md,
 * "Citations"); any other text is a citation too, shown as it is. Pages put "read" into their own language
 * from {@code read}.
 *
 * @param text  the citation exactly as stored (the key that groups facts in the sources catalogue)
 * @param label the citation without its address and read date: publisher or author and title
 * @param url   the first http(s) address in it, or null
 * @param read  the date in a trailing {@code (read YYYY-MM-DD)}, or null
 */
public record Citation(String text, String label, String url, LocalDate read) {

    /** What separates two citations in one source cell. */
    public static final String SEPARATOR = "; ";

    /** The source of the illustrative (invented) rows. */
    public static final String ILLUSTRATIVE = "illustrative";

    private static final Pattern READ = Pattern.compile("\\s*\\(read (\\d{4}-\\d{2}-\\d{2})\\)\\s*$");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    /** The citations of a source cell in their order, each once; none for an empty or null cell. */
    public static List<Citation> parse(String source) {
        List<Citation> citations = new ArrayList<>();
        for (String part : split(source)) {
            Citation citation = of(part);
            if (citations.stream().noneMatch(c -> c.text().equals(citation.text()))) {
                citations.add(citation);
            }
        }
        return citations;
    }

    /** The parts of a source cell, trimmed, empty ones dropped. */
    public static List<String> split(String source) {
        List<String> parts = new ArrayList<>();
        if (source == null) {
            return parts;
        }
        for (String part : source.split(Pattern.quote(SEPARATOR))) {
            String trimmed = part.strip();
            if (!trimmed.isEmpty()) {
                parts.add(trimmed);
            }
        }
        return parts;
    }

    /** One citation's parts; text that follows no convention is all label. */
    public static Citation of(String text) {
        String rest = text.strip();
        LocalDate read = null;
        Matcher date = READ.matcher(rest);
        if (date.find()) {
            try {
                read = LocalDate.parse(date.group(1));
                rest = rest.substring(0, date.start());
            } catch (DateTimeParseException notADate) {
                // not a date after all: keep it in the label
            }
        }
        String url = null;
        Matcher address = URL.matcher(rest);
        if (address.find()) {
            url = trimEnd(address.group(), ".,;)");
            rest = (rest.substring(0, address.start()) + rest.substring(address.start() + url.length())).strip();
        }
        String label = trimEnd(rest.strip(), " .,:;").strip();
        return new Citation(text.strip(), label.isEmpty() ? (url != null ? url : text.strip()) : label, url, read);
    }

    /** Whether this is the invented data's marker rather than a real source. */
    public boolean illustrative() {
        return ILLUSTRATIVE.equals(text);
    }

    private static String trimEnd(String value, String characters) {
        int end = value.length();
        while (end > 0 && characters.indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(0, end);
    }
}
