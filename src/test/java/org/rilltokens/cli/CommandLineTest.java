package org.rilltokens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What rill says before it sends anything: help, usage errors, and where it would send requests. */
class CommandLineTest {

    @TempDir
    Path home;

    private CliRun rill() {
        return new CliRun(home);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "login", "logout", "whoami", "token", "token issue", "token list", "token revoke"})
    void everyCommandExplainsItselfWithExamples(String command) {
        CliRun rill = rill();
        String[] args = (command + " --help").strip().split(" ");

        assertThat(rill.run(args)).isZero();

        assertThat(rill.out()).startsWith("Usage: rill " + command).contains("Examples:", "  rill ", "Exit codes:");
        assertThat(rill.err()).isEmpty();
    }

    @Test
    void rillAloneListsItsCommands() {
        CliRun rill = rill();
        assertThat(rill.run()).isZero();
        assertThat(rill.out()).contains("login", "logout", "whoami", "token");
    }

    @Test
    void aMistypedOptionIsAUsageErrorWithASuggestion() {
        CliRun rill = rill();

        assertThat(rill.run("token", "list", "--utcc")).isEqualTo(Failure.USAGE);

        assertThat(rill.err()).contains("Unknown option: '--utcc'", "--utc", "Run 'rill token list --help'");
        assertThat(rill.out()).isEmpty();
    }

    @Test
    void badValuesAreUsageErrorsAndNothingIsSent() {
        assertUsageError("Invalid value for option '--output'", "token", "list", "--output", "xml");
        assertUsageError("'--ttl-minutes'", "token", "issue", "--display-name", "x", "--ttl-minutes", "soon");
        assertUsageError("--ttl-minutes: A token lives between 1 minute and 10 years", "token", "issue", "--display-name", "x",
                "--ttl-minutes", "0");
        assertUsageError("--display-name is required when rill does not run in a terminal", "token", "issue");
        assertUsageError("--display-name must not be blank", "token", "issue", "--display-name", "  ", "--api-token", "t");
        assertUsageError("Missing required subcommand", "token");
    }

    @Test
    void revokeNeedsExactlyOneWayToNameTheToken() {
        assertUsageError("Say which token to revoke", "token", "revoke");
        assertUsageError("Give a TOKEN-ID, or --display-name, or --all; not several", "token", "revoke", "rill_usr_abcdefghij",
                "--display-name", "CI");
        assertUsageError("Give a TOKEN-ID, or --display-name, or --all; not several", "token", "revoke", "rill_usr_abcdefghij", "--all");
        assertUsageError("--all revokes every token you have; add --yes to confirm", "token", "revoke", "--all", "--api-token", "t");
        assertUsageError("--all revokes every token named 'CI'; add --yes", "token", "revoke", "--display-name", "CI", "--all",
                "--api-token", "t");
    }

    @Test
    void withoutATokenOrWithAnUnusableAddressNothingIsSent() {
        assertUsageError("Not logged in: run rill login", "whoami");
        assertUsageError("--api-url must be a server address like http://localhost:8080", "whoami", "--api-url", "localhost:8080",
                "--api-token", "t");
        CliRun fromEnv = rill().env("RILL_API_URL", "ftp://files.example").env("RILL_API_TOKEN", "t");
        assertThat(fromEnv.run("whoami")).isEqualTo(Failure.USAGE);
        assertThat(fromEnv.err()).contains("RILL_API_URL must be a server address");
    }

    @Test
    void aServerThatIsNotThereIsExitCodeThree() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CliRun rill = rill();

        assertThat(rill.run("whoami", "--api-url", "http://localhost:" + closed, "--api-token", "t")).isEqualTo(Failure.UNREACHABLE);
        assertThat(rill.err()).contains("Cannot reach the server at http://localhost:" + closed + " (connection refused)",
                "--api-url or RILL_API_URL");
    }

    @Test
    void answersThatAreNotFromARillServerAreExplained() throws Exception {
        try (FakeServer server = new FakeServer()) {
            server.on("GET", "/v1/users/current", 404, "text/html", "<html>Not here</html>");
            server.on("GET", "/v1/users/current/tokens", 503, "text/plain", "maintenance");
            server.on("DELETE", "/v1/users/-/tokens/rill_usr_abcdefghij", 301, "text/html", "");

            CliRun html = rill();
            assertThat(html.run("whoami", "--api-url", server.url(), "--api-token", "t")).isEqualTo(Failure.REFUSED);
            assertThat(html.err()).contains("answered HTTP 404 with something other than rill-tokens JSON");
            CliRun down = rill();
            assertThat(down.run("token", "list", "--api-url", server.url(), "--api-token", "t")).isEqualTo(Failure.UNREACHABLE);
            assertThat(down.err()).contains("is unavailable (HTTP 503)");
            CliRun moved = rill();
            assertThat(moved.run("token", "revoke", "rill_usr_abcdefghij", "--api-url", server.url(), "--api-token", "t"))
                    .isEqualTo(Failure.REFUSED);
            assertThat(moved.err()).contains("redirects to https://elsewhere.example/");
        }
    }

    @Test
    void theApiTokenOptionWinsOverTheSavedLoginAndA401SaysWhatToCheck() throws Exception {
        try (FakeServer server = new FakeServer()) {
            server.on("GET", "/v1/users/current", 401, "{\"code\":\"unauthenticated\",\"message\":\"The token is unknown, expired or revoked\"}");
            CliRun rill = rill();
            rill.credentials().write(new Credentials(server.url(), "rill_usr_saved", "alice@acme.example"));

            assertThat(rill.run("whoami", "--api-token", "rill_usr_given")).isEqualTo(Failure.REFUSED);
            assertThat(rill.err()).isEqualTo("Error: The token is unknown, expired or revoked. "
                    + "Check the token given with --api-token or RILL_API_TOKEN\n");
            CliRun saved = rill();
            assertThat(saved.run("whoami")).isEqualTo(Failure.REFUSED);
            assertThat(saved.err()).contains("Run rill login to log in again");
            assertThat(server.requests).extracting(FakeServer.Request::authorization)
                    .containsExactly("Bearer rill_usr_given", "Bearer rill_usr_saved");
        }
    }

    @Test
    void logoutWithoutASavedLoginHasNothingToDo() {
        CliRun rill = rill();
        assertThat(rill.run("logout")).isZero();
        assertThat(rill.err()).contains("Not logged in: there is no saved login");
    }

    @Test
    void logoutKeepsTheLoginWhenItsServerCannotBeReached() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CliRun rill = rill();
        rill.credentials().write(new Credentials("http://localhost:" + closed, "rill_usr_saved", "alice@acme.example"));

        assertThat(rill.run("logout")).isEqualTo(Failure.UNREACHABLE);

        assertThat(rill.err()).contains("The login is kept", "rill logout again later");
        assertThat(rill.credentials().read()).isPresent();
    }

    private void assertUsageError(String message, String... args) {
        CliRun rill = rill();
        assertThat(rill.run(args)).as(rill.err()).isEqualTo(Failure.USAGE);
        assertThat(rill.err()).contains(message);
        assertThat(rill.out()).isEmpty();
    }
}
