package org.rilltokens.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;

/** {@code rill sudo}: what only superusers change for the whole service. */
@Command(name = "sudo", description = "Superuser settings of the whole service.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  rill sudo token-policy",
            "  rill sudo token-policy --max-lifetime-minutes 525600 --unused-days 90",
            "  rill sudo token-policy --no-max --expiration-required false"})
final class SudoCommand {

    static final String POLICY = "/v1/superuser/token-policy";

    private final Rill rill;

    SudoCommand(Rill rill) {
        this.rill = rill;
    }

    @Command(name = "token-policy", description = {"Show the service's token policy (anyone), or change it (superusers):",
        "the longest lifetime of a new token, whether tokens must expire, and after how many days unused tokens are revoked",
        "(0: never)."})
    int tokenPolicy(@Option(names = "--max-lifetime-minutes", paramLabel = "N", description = "The longest lifetime of a new token.")
            Long max,
            @Option(names = "--no-max", description = "Lift the maximum lifetime.") boolean noMax,
            @Option(names = "--expiration-required", paramLabel = "true|false", arity = "1",
                    description = "Whether every token must expire.") Boolean required,
            @Option(names = "--unused-days", paramLabel = "N", description = "Revoke tokens unused this many days (0: never).")
            Long unusedDays) {
        JsonObject policy;
        if (max == null && !noMax && required == null && unusedDays == null) {
            policy = rill.api().get(POLICY);
        } else {
            JsonObjectBuilder body = Json.createObjectBuilder();
            if (max != null || noMax) {
                body.add("maxLifetimeMinutes", noMax ? JsonValue.NULL : Json.createValue(max));
            }
            if (required != null) {
                body.add("expirationRequired", required);
            }
            if (unusedDays != null) {
                body.add("unusedDays", unusedDays);
            }
            policy = rill.api().put(POLICY, body.build());
        }
        rill.invocation().out().println("Maximum token lifetime: " + (policy.isNull("maxLifetimeMinutes") ? "none"
                : policy.getJsonNumber("maxLifetimeMinutes").longValue() + " minutes"));
        rill.invocation().out().println("Expiration required:    " + (policy.getBoolean("expirationRequired") ? "yes" : "no"));
        int days = policy.getInt("unusedDays");
        rill.invocation().out().println("Unused tokens revoked:  " + (days == 0 ? "never" : "after " + days + " days"));
        return ExitCode.OK;
    }
}
