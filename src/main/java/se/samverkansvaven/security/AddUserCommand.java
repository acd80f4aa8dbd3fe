package se.samverkansvaven.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import se.samverkansvaven.Command;

/**
 * {@code add-user NAME --role EDITOR|ADMIN [--scope municipality:1496 ...] [--password-stdin]}: creates a
 * user or replaces an existing one's password, roles and scopes. Without {@code --password-stdin} a password
 * is generated and printed once; a password is never taken as an argument, where it would land in the
 * shell history and the process list.
 */
@Component
class AddUserCommand implements Command {

    private static final String USAGE = "usage: add-user NAME --role EDITOR|ADMIN [--scope municipality:CODE|federation:ID]... "
            + "[--password-stdin]";

    private final UserStore users;
    private final PasswordEncoder encoder;

    AddUserCommand(UserStore users, PasswordEncoder encoder) {
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    public String name() {
        return "add-user";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.getFirst().startsWith("-")) {
            err.println(USAGE);
            return 2;
        }
        String username = args.getFirst();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> scopes = new ArrayList<>();
        boolean fromStdin = false;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--role", "--scope" -> {
                    if (i + 1 >= args.size()) {
                        err.println("add-user: " + arg + " needs a value\n" + USAGE);
                        return 2;
                    }
                    String value = args.get(++i);
                    if (arg.equals("--scope")) {
                        scopes.add(value);
                    } else {
                        try {
                            roles.add(Role.valueOf(value.toUpperCase(java.util.Locale.ROOT)));
                        } catch (IllegalArgumentException e) {
                            err.println("add-user: unknown role '" + value + "'; the roles are EDITOR and ADMIN");
                            return 2;
                        }
                    }
                }
                case "--password-stdin" -> fromStdin = true;
                default -> {
                    err.println("add-user: unknown option '" + arg + "'\n" + USAGE);
                    return 2;
                }
            }
        }
        if (roles.isEmpty()) {
            err.println("add-user: give a role with --role EDITOR or --role ADMIN\n" + USAGE);
            return 2;
        }
        String password;
        if (fromStdin) {
            try {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                err.println("add-user: cannot read the password from standard input");
                return 1;
            }
            if (password == null || password.length() < 8) {
                err.println("add-user: the password needs at least 8 characters");
                return 2;
            }
        } else {
            byte[] bytes = new byte[18];
            new java.security.SecureRandom().nextBytes(bytes);
            password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        try {
            UserAccount saved = users.save(username, encoder.encode(password), roles, scopes);
            out.println("saved user " + saved.username() + " with roles " + saved.roles() + " and scopes " + saved.scopes());
            if (!fromStdin) {
                out.println("generated password (shown once): " + password);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("add-user: " + e.getMessage());
            return 2;
        }
    }
}
