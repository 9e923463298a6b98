package org.rilltokens.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One run of rill in the test's own world: given environment, terminal answers, home folder and zone. */
final class CliRun {

    final Map<String, String> env = new HashMap<>();
    final List<Duration> pauses = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Path home;
    private String typed;
    private ZoneId zone = ZoneOffset.UTC;

    CliRun(Path home) {
        this.home = home;
    }

    /** Runs in a terminal where the person types these lines; without it, rill runs in a script. */
    CliRun typing(String... lines) {
        typed = String.join("\n", lines) + "\n";
        return this;
    }

    CliRun zone(ZoneId zone) {
        this.zone = zone;
        return this;
    }

    CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    int run(String... args) {
        PrintWriter errWriter = new PrintWriter(err, true);
        Terminal terminal = typed == null ? Terminal.none() : Terminal.typing(new BufferedReader(new StringReader(typed)), errWriter);
        Invocation invocation = new Invocation(Map.copyOf(env), new PrintWriter(out, true), errWriter, terminal, home, zone,
                () -> "laptop-42", pauses::add);
        return Rill.run(invocation, args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    CredentialsFile credentials() {
        return new CredentialsFile(home.resolve(".rill"));
    }
}
