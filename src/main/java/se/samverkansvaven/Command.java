package se.samverkansvaven;

import java.io.PrintStream;
import java.util.List;

/**
 * A command-line verb ({@code java -jar samverkansvaven.jar VERB ARGS}). Implementations are Spring beans
 * in their feature's package; the return value is the process's exit code (0 success, 1 failure,
 * 2 bad arguments).
 */
public interface Command {
    String name();

    int run(List<String> args, PrintStream out, PrintStream err);
}
