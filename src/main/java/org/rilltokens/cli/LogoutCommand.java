package org.rilltokens.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;

/** {@code rill logout}: revokes the saved login's token on its server, then deletes the saved login. */
@Command(name = "logout",
        description = "Revoke the token rill login saved, on the server it came from, and delete the saved login.",
        footerHeading = "%nExamples:%n",
        footer = {"  rill logout"})
final class LogoutCommand implements Callable<Integer> {

    private final Rill rill;

    LogoutCommand(Rill rill) {
        this.rill = rill;
    }

    @Override
    public Integer call() {
        CredentialsFile file = rill.credentialsFile();
        Optional<Credentials> saved = file.read();
        if (saved.isEmpty()) {
            rill.invocation().err().println("Not logged in: there is no saved login in " + file.path() + ".");
            return ExitCode.OK;
        }
        Credentials login = saved.get();
        revoke(login, file);
        file.delete();
        rill.invocation().out().println("Logged out " + login.email() + " from " + login.apiUrl() + ".");
        return ExitCode.OK;
    }

    private void revoke(Credentials login, CredentialsFile file) {
        try {
            new ApiClient(login.apiUrl(), login.token(), null).delete("/v1/users/-/tokens/current");
        } catch (Refusal refusal) {
            if (refusal.status() != 401) {
                throw refusal;
            }
            rill.invocation().err().println("The saved token was already revoked or expired.");
        } catch (Failure failure) {
            throw new Failure(failure.exitCode(), failure.getMessage() + ". The login is kept so that its token can still be "
                    + "revoked: run rill logout again later, or delete " + file.path() + " to forget it without revoking.");
        }
    }
}
