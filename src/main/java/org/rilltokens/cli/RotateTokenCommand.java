package org.rilltokens.cli;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rill token rotate}: a new secret for a token, printed once like a new token; the old secret stops at
 * once or after a grace period, so whatever uses it can switch over.
 */
@Command(name = "rotate",
        description = {"Replace a token's secret: a new token with the same name, projects, read-only flag and",
            "lifetime length, printed once. The old secret stops at once, or after --grace-minutes."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  rill token rotate rill_usr_3kd9XbQ2aP",
            "  TOKEN=$(rill token rotate rill_usr_3kd9XbQ2aP --grace-minutes 60)"})
final class RotateTokenCommand implements Callable<Integer> {

    static final int GRACE_MAX = 1440;

    @Parameters(paramLabel = "TOKEN-ID",
            description = "The ID shown by rill token list (rill_usr_ and 10 characters), a longer prefix, the UUID, or the full token.")
    String tokenId;

    @Option(names = "--grace-minutes", paramLabel = "N",
            description = "Minutes the old secret keeps working (0 to " + GRACE_MAX + "). Default: 0, it stops at once.")
    Long graceMinutes;

    private final Rill rill;

    RotateTokenCommand(Rill rill) {
        this.rill = rill;
    }

    @Override
    public Integer call() {
        if (graceMinutes != null && (graceMinutes < 0 || graceMinutes > GRACE_MAX)) {
            throw Failure.usage("--grace-minutes must be between 0 and " + GRACE_MAX + " (a day); got " + graceMinutes);
        }
        JsonObjectBuilder body = Json.createObjectBuilder();
        if (graceMinutes != null) {
            body.add("graceMinutes", graceMinutes);
        }
        String path = "/v1/users/-/tokens/" + ApiClient.encode(RevokeTokenCommand.reference(tokenId)) + "/rotate";
        IssueTokenCommand.show(rill, rill.api().post(path, body.build()), "Rotated into");
        rill.invocation().err().println(graceMinutes == null || graceMinutes == 0
                ? "The old secret no longer works." : "The old secret keeps working for " + graceMinutes + " minutes.");
        return ExitCode.OK;
    }
}
