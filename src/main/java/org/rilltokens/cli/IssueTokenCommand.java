package org.rilltokens.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;

/**
 * {@code rill token issue}: a new token, printed once. Only the token goes to stdout, so a script can
 * capture it with {@code $(rill token issue ...)}; what it is and the warning go to stderr.
 */
@Command(name = "issue",
        description = {"Issue a new personal access token acting as you, and print it once.",
            "In a terminal, asks for what is left out; in a script, --display-name is required."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  rill token issue",
            "  rill token issue --display-name \"Local Development\"",
            "  rill token issue --display-name \"MCP Token\" --ttl-minutes 1440",
            "  rill token issue --display-name assistant --project acme/sales --read-only",
            "  TOKEN=$(rill token issue --display-name CI --ttl-minutes 10080)"})
final class IssueTokenCommand implements Callable<Integer> {

    @Option(names = "--display-name", paramLabel = "NAME", description = "What the token is for (1 to 255 characters).")
    String displayName;

    @Option(names = "--ttl-minutes", paramLabel = "N",
            description = "Minutes until it expires (1 to " + Ttl.MAX_MINUTES + ", i.e. 10 years). Default: never.")
    Long ttlMinutes;

    @Option(names = "--project", paramLabel = "ORG/PROJECT",
            description = "Restrict the token to this project (repeat for several). Default: all of your projects.")
    List<String> projects;

    @Option(names = "--read-only", description = "The token can only read (data APIs, MCP), never change anything.")
    boolean readOnly;

    private final Rill rill;

    IssueTokenCommand(Rill rill) {
        this.rill = rill;
    }

    @Override
    public Integer call() {
        Terminal terminal = rill.invocation().terminal();
        if (ttlMinutes != null) {
            checkTtl(ttlMinutes);
        }
        if (displayName == null) {
            if (!terminal.isInteractive()) {
                throw Failure.usage("--display-name is required when rill does not run in a terminal, e.g. "
                        + "rill token issue --display-name \"CI\"");
            }
            displayName = askName(terminal);
            ttlMinutes = ttlMinutes != null ? ttlMinutes : askTtl(terminal);
        }
        if (displayName.isBlank()) {
            throw Failure.usage("--display-name must not be blank: say what the token is for");
        }
        JsonObjectBuilder request = Json.createObjectBuilder().add("displayName", displayName.strip());
        if (ttlMinutes != null) {
            request.add("ttlMinutes", ttlMinutes);
        }
        if (projects != null) {
            request.add("projects", Json.createArrayBuilder(projects));
        }
        if (readOnly) {
            request.add("readOnly", true);
        }
        show(rill.api().post("/v1/users/current/tokens", request.build()));
        return ExitCode.OK;
    }

    private static void checkTtl(long minutes) {
        try {
            Ttl.check(minutes);
        } catch (IllegalArgumentException e) {
            throw Failure.usage("--ttl-minutes: " + e.getMessage());
        }
    }

    private static String askName(Terminal terminal) {
        while (true) {
            String name = terminal.ask("Display name (what is the token for?): ");
            if (name == null) {
                throw Failure.usage("No display name given; nothing was issued");
            }
            if (!name.isBlank()) {
                return name;
            }
        }
    }

    private static Long askTtl(Terminal terminal) {
        while (true) {
            String typed = terminal.ask("Expiration (days, or like 12h or 90m; Enter for never): ");
            try {
                return Ttl.parseMinutes(typed);
            } catch (IllegalArgumentException e) {
                terminal.tell(e.getMessage());
            }
        }
    }

    private void show(JsonObject issued) {
        show(rill, issued, "Issued");
    }

    /** The new token alone on stdout; what it is, and the warning, on stderr. */
    static void show(Rill rill, JsonObject issued, String verb) {
        ListedToken info = ListedToken.of(issued.getJsonObject("tokenInfo"));
        PrintWriter err = rill.invocation().err();
        TokenTable table = new TokenTable(rill.invocation().zone());
        err.println(verb + " " + info.prefix() + " \"" + ColumnText.printable(info.displayName()) + "\", "
                + (info.expiresOn() == null ? "never expires" : "expires " + table.when(info.expiresOn()))
                + (info.isRestricted() ? ", reaches " + info.access() : "") + ":");
        err.flush();
        rill.invocation().out().println(issued.getString("token"));
        rill.invocation().out().flush();
        err.println("Store it securely now, e.g. in a password manager: it is shown only this once.");
    }
}
