package se.samverkansvaven.export;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.samverkansvaven.web.BadParameterException;

/**
 * {@code --name value} and {@code --name=value} options, and flags ({@code --name} alone); anything else is
 * a bad argument.
 */
final class CommandArguments {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> flagsGiven = new java.util.HashSet<>();

    CommandArguments(List<String> args, Set<String> known) {
        this(args, known, Set.of());
    }

    CommandArguments(List<String> args, Set<String> known, Set<String> flags) {
        Set<String> all = new java.util.LinkedHashSet<>(known);
        all.addAll(flags);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new BadParameterException(arg, "unexpected argument; options are " + options(all));
            }
            String name = arg.substring(2);
            if (flags.contains(name)) {
                if (!flagsGiven.add(name)) {
                    throw new BadParameterException(name, "--" + name + " is given twice");
                }
                continue;
            }
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new BadParameterException(name, "--" + name + " needs a value");
            }
            if (!known.contains(name)) {
                throw new BadParameterException(name, flags.contains(name) ? "--" + name + " takes no value"
                        : "unknown option --" + name + "; options are " + options(all));
            }
            if (values.put(name, value) != null) {
                throw new BadParameterException(name, "--" + name + " is given twice");
            }
        }
    }

    boolean flag(String name) {
        return flagsGiven.contains(name);
    }

    String get(String name) {
        return values.get(name);
    }

    LocalDate date(String name) {
        String value = values.get(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "'" + value + "' is not a date written YYYY-MM-DD");
        }
    }

    private static String options(Set<String> known) {
        return String.join(", ", known.stream().map(k -> "--" + k).toList());
    }
}
