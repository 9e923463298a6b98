package org.rilltokens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * rill run inside the integration tests' own JVM, the way {@code rill-cli.jar} runs it in a script (no terminal,
 * only the given environment, this machine's name and time zone), without starting a JVM for every command.
 */
public final class InProcessRill {

    private InProcessRill() {
    }

    /** Runs one command; answers its exit code. */
    public static int run(Map<String, String> env, PrintWriter out, PrintWriter err, String... args) {
        Invocation invocation = new Invocation(Map.copyOf(env), out, err, Terminal.none(), Path.of(System.getProperty("user.home")),
                ZoneId.systemDefault(), Invocation::localHostname, Invocation::sleep);
        return Rill.run(invocation, args);
    }
}
