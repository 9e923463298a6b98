package org.rilltokens.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;

/** {@code rill token list}: every token of the caller, newest first, across all pages. */
@Command(name = "list",
        description = "List your tokens, newest first: ID, DISPLAY NAME, CREATED, EXPIRES, LAST USED (local time);"
                + " a token that ends within 7 days says (expires soon).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  rill token list",
            "  rill token list --utc",
            "  rill token list --output json | jq -r '.[].prefix'"})
final class ListTokensCommand implements Callable<Integer> {

    enum Format { table, json }

    @Option(names = "--utc", description = "Show times in UTC instead of the local time zone.")
    boolean utc;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), or json: an array of the server's tokenInfo objects, for scripts.")
    Format output;

    private final Rill rill;

    ListTokensCommand(Rill rill) {
        this.rill = rill;
    }

    @Override
    public Integer call() {
        List<JsonObject> tokens = all(rill.api());
        Invocation io = rill.invocation();
        if (output == Format.json) {
            io.out().println(Json.createArrayBuilder(tokens).build());
        } else if (tokens.isEmpty()) {
            io.err().println("You have no tokens. Issue one with: rill token issue");
        } else {
            List<ListedToken> listed = tokens.stream().map(ListedToken::of).toList();
            TokenTable table = new TokenTable(utc ? ZoneOffset.UTC : io.zone(), Instant.now());
            io.out().print(table.render(listed));
            long soon = listed.stream().filter(table::expiresSoon).count();
            if (soon > 0) {
                io.err().println((soon == 1 ? "1 token expires" : soon + " tokens expire") + " within 7 days (marked \"expires soon\");"
                        + " rotate to keep name and access: rill token rotate TOKEN-ID");
            }
        }
        return ExitCode.OK;
    }

    static List<JsonObject> all(ApiClient api) {
        return api.allPages("/v1/users/current/tokens", "tokens");
    }
}
