package se.samverkansvaven.export;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.samverkansvaven.web.BadParameterException;

/** {@code --name value} and {@code --name=value} options; anything else is a bad argument. */
final class CommandArguments {

    private final Map<String, String> values = new LinkedHashMap<>();

    CommandArguments(List<String> args, Set<String> known) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new BadParameterException(arg, "unexpected argument; options are " + options(known));
            }
            String name = arg.substring(2);
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
                throw new BadParameterException(name, "unknown option --" + name + "; options are " + options(known));
            }
            if (values.put(name, value) != null) {
                throw new BadParameterException(name, "--" + name + " is given twice");
            }
        }
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
