package org.rilltokens.cli;

import jakarta.json.JsonObject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;

/** {@code rill whoami}: whom the token acts as. */
@Command(name = "whoami",
        description = "Print the email and name of the user the token acts as.",
        footerHeading = "%nExamples:%n",
        footer = {"  rill whoami", "  RILL_API_TOKEN=rill_usr_... rill whoami --api-url https://rill.example.com"})
final class WhoamiCommand implements Callable<Integer> {

    private final Rill rill;

    WhoamiCommand(Rill rill) {
        this.rill = rill;
    }

    @Override
    public Integer call() {
        JsonObject me = rill.api().get("/v1/users/current");
        String who = me.getString("email") + " (" + me.getString("displayName", "") + ")"
                + (me.getBoolean("superuser", false) ? ", superuser" : "");
        rill.invocation().out().println(ColumnText.printable(who));
        return ExitCode.OK;
    }
}
