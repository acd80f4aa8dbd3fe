package se.samverkansvaven;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts either the server (no arguments, or only {@code --options}) or one command-line verb such as
 * {@code import PATH}: a verb runs in the same application context without the web server, against the
 * same database, and its result becomes the process's exit code.
 */
final class CommandLine {

    private CommandLine() {}

    static int run(Class<?> application, String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            SpringApplication.run(application, args);
            return Integer.MIN_VALUE; // the server keeps running; see main
        }
        String verb = args[0];
        // Settings such as --spring.neo4j.uri=… go to Spring; everything else belongs to the verb.
        List<String> settings = new ArrayList<>(List.of("--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--samverkansvaven.command=" + verb));
        List<String> verbArgs = new ArrayList<>();
        for (String arg : Arrays.asList(args).subList(1, args.length)) {
            (isSetting(arg) ? settings : verbArgs).add(arg);
        }
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setLogStartupInfo(false);
        try (ConfigurableApplicationContext context = app.run(settings.toArray(String[]::new))) {
            var commands = context.getBeansOfType(Command.class).values();
            return commands.stream().filter(c -> c.name().equals(verb)).findFirst()
                    .map(c -> c.run(verbArgs, System.out, System.err))
                    .orElseGet(() -> {
                        System.err.println("Unknown command '" + verb + "'. Known commands: "
                                + commands.stream().map(Command::name).sorted().toList());
                        return 2;
                    });
        }
    }

    /** {@code --some.property=value}: a dotted name with a value is a Spring setting, not a verb option. */
    static boolean isSetting(String arg) {
        int equals = arg.indexOf('=');
        return arg.startsWith("--") && equals > 2 && arg.substring(2, equals).contains(".");
    }
}
