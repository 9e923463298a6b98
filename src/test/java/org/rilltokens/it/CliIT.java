package org.rilltokens.it;

import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rilltokens.it.Cli.assertExit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rill CLI as people use it against the server: logging in through the portal (device authorization, RFC
 * 8628), and issuing, listing and revoking tokens. The login test runs the real jar in its own process (on every
 * server), the launcher test bin/rill; the others run the CLI's code in this JVM, with the same environment and exit
 * codes, which spares a JVM start per command. It drives the REST API that
 * TokensApiIT, AdministrationIT and DeviceLoginIT check on both databases, so it runs in the H2 pass only.
 */
@ExtendWith(TestServer.class)
@Tag(TestServer.ONE_DATABASE)
class CliIT {

    private static final Pattern LINK = Pattern.compile("(http://\\S+/activate\\?code=([B-Z]{4}-[B-Z]{4}))");
    private static final String TOKENS = "/v1/users/current/tokens";

    @TempDir
    Path home;

    Http http;
    Cli cli;

    @BeforeEach
    void connect(Http server) {
        http = server;
        cli = Cli.inProcess(home.resolve("rill-config"));
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void loginApprovedInThePortalSavesAPrivateTokenThatWhoamiListAndLogoutUse() throws Exception {
        cli = Cli.jar(home.resolve("rill-config")); // the jar itself, as its own process, on every server
        Cli.Running login = cli.start("login", "--api-url", http.base);
        Matcher link = login.awaitErr(LINK);
        String code = link.group(2);
        assertThat(link.group(1)).startsWith(http.base + "/activate?code=");

        Portal portal = new Portal(http.base);
        Portal.Page bounced = portal.get(link.group(1));
        assertThat(bounced.location()).endsWith("/login");
        Portal.Page signedIn = portal.signIn("alice@acme.example", "demo-alice");
        assertThat(signedIn.location()).endsWith("/activate?code=" + code);
        Portal.Page asked = portal.get(signedIn.location());
        assertThat(asked.html()).contains(code, "rill CLI on", "CLI login (", "acts as you", "alice@acme.example",
                "all your current organization and project roles");

        Portal.Page approved = portal.submit(asked.form("decide").press("Approve"));
        assertThat(approved.status()).isEqualTo(302);
        assertThat(portal.get(approved.location()).html()).contains("Approved: rill CLI is logging in as you");

        Cli.Result result = login.finish();
        assertExit(result, 0);
        assertThat(result.out()).contains("Logged in to " + http.base + " as alice@acme.example.");
        Path saved = home.resolve("rill-config/credentials.json");
        assertThat(Files.getPosixFilePermissions(saved)).containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE);
        String token = Json.createReader(Files.newBufferedReader(saved)).readObject().getString("token");
        assertThat(http.get("/v1/users/current", token).json().getString("email")).isEqualTo("alice@acme.example");
        assertThat(result.out() + result.err()).doesNotContain(token).contains(token.substring(0, 19));

        Cli.Result whoami = cli.run("whoami");
        assertExit(whoami, 0);
        assertThat(whoami.out()).isEqualTo("alice@acme.example (Alice Admin)\n");
        JsonArray listed = json(cli.run("token", "list", "--output", "json"));
        assertThat(listed.getValuesAs(JsonObject.class)).extracting(t -> t.getString("displayName"))
                .anySatisfy(name -> assertThat(name).startsWith("CLI login (").endsWith(")"));

        Cli.Result logout = cli.run("logout");
        assertExit(logout, 0);
        assertThat(logout.out()).contains("Logged out alice@acme.example");
        assertThat(saved).doesNotExist();
        assertThat(http.get("/v1/users/current", token).status()).isEqualTo(401);
        Cli.Result afterwards = cli.run("whoami");
        assertExit(afterwards, 2);
        assertThat(afterwards.err()).contains("Not logged in: run rill login");
    }

    @Test
    void aLoginDeniedInThePortalEndsWithAClearMessageAndSavesNothing() throws Exception {
        Cli.Running login = cli.start("login", "--api-url", http.base);
        String code = login.awaitErr(LINK).group(2);

        Portal portal = new Portal(http.base);
        portal.signIn("bob@acme.example", "demo-bob");
        Portal.Page typed = portal.submit(portal.get("/activate").form("enter").fill("Code", code.toLowerCase().replace("-", " "))
                .press("Continue"));
        assertThat(typed.html()).contains(code, "bob@acme.example");
        Portal.Page denied = portal.submit(typed.form("decide").press("Deny"));
        assertThat(portal.get(denied.location()).html()).contains("Denied: rill CLI gets no token");

        Cli.Result result = login.finish();
        assertExit(result, 1);
        assertThat(result.err()).contains("The login was denied in the portal");
        assertThat(home.resolve("rill-config/credentials.json")).doesNotExist();
        assertThat(portal.get("/activate?code=" + code).html()).contains("No login is waiting for the code " + code);
    }

    @Test
    void anExpiredCodeEndsTheLoginAndCanNoLongerBeApproved() throws Exception {
        Cli.Running login = cli.start("login", "--api-url", http.base);
        String code = login.awaitErr(LINK).group(2);
        Portal portal = new Portal(http.base);
        portal.signIn("carol@partner.example", "demo-carol");
        Portal.Page asked = portal.get("/activate?code=" + code);

        assertThat(http.probe("expire-device?code=" + code).raw().body()).isEqualTo("1");
        Portal.Page tooLate = portal.submit(asked.form("decide").press("Approve"));

        assertThat(tooLate.html()).contains("no longer waiting");
        Cli.Result result = login.finish();
        assertExit(result, 1);
        assertThat(result.err()).contains("The code expired before it was approved. Run rill login again");
        assertThat(home.resolve("rill-config/credentials.json")).doesNotExist();
    }

    @Test
    void issueListAndRevokeByEachKindOfId() throws Exception {
        String first = newUser("ivy");
        Cli ivy = cli.with("RILL_API_URL", http.base).with("RILL_API_TOKEN", first);

        Cli.Result issued = ivy.run("token", "issue", "--display-name", "Local Development", "--ttl-minutes", "10080");
        assertExit(issued, 0);
        String local = issued.out().strip();
        assertThat(local).hasSize(70).startsWith("rill_usr_");
        assertThat(issued.err()).contains("Issued " + local.substring(0, 19) + " \"Local Development\", expires ",
                "Store it securely now", "shown only this once");
        assertThat(http.get("/v1/users/current", local).status()).isEqualTo(200);
        String mcp = issue(first, "MCP Token");
        String laptop = issue(first, "Laptop");
        Cli.Result unnamed = ivy.run("token", "issue");
        assertExit(unnamed, 2);
        assertThat(unnamed.err()).contains("--display-name is required when rill does not run in a terminal");

        List<JsonObject> tokens = json(ivy.run("token", "list", "--output", "json")).getValuesAs(JsonObject.class);
        assertThat(tokens).extracting(t -> t.getString("displayName")).containsExactly("Laptop", "MCP Token", "Local Development", "first");
        Cli.Result table = ivy.run("token", "list", "--utc");
        assertExit(table, 0);
        List<String> lines = table.out().lines().toList();
        assertThat(lines).hasSize(5);
        // Local Development ends within 7 days: its expiry says "(expires soon)", which widens the column.
        assertThat(lines.get(0)).matches("ID {19}DISPLAY NAME {7}CREATED {11}EXPIRES {26}LAST USED");
        assertThat(lines.get(3)).contains(" (expires soon)");
        JsonObject mcpInfo = tokens.get(1);
        String created = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC)
                .format(Instant.parse(mcpInfo.getString("createdOn")));
        assertThat(lines.get(2)).isEqualTo(mcpInfo.getString("prefix") + "  MCP Token          " + created + "  Never"
                + " ".repeat(28) + "Never");

        assertRevoked(ivy.run("token", "revoke", tokens.get(2).getString("prefix")), local);
        assertRevoked(ivy.run("token", "revoke", tokens.get(1).getString("id")), mcp);
        Cli.Result byFullToken = ivy.run("token", "revoke", laptop);
        assertRevoked(byFullToken, laptop);
        assertThat(byFullToken.out()).isEqualTo("Revoked " + laptop.substring(0, 19) + ".\n");
        assertThat(http.get(TOKENS, first).json().getJsonArray("tokens").getValuesAs(JsonObject.class))
                .extracting(t -> t.getString("displayName")).containsExactly("first");

        Cli.Result unknown = ivy.run("token", "revoke", "rill_usr_0000000000");
        assertExit(unknown, 1);
        assertThat(unknown.err()).contains("You have no token rill_usr_0000000000");
    }

    @Test
    void revokeByNameListsAmbiguousCandidatesAndAllNeedsConfirmation() throws Exception {
        String token = newUser("jo");
        Cli jo = cli.with("RILL_API_URL", http.base).with("RILL_API_TOKEN", token);
        String ci1 = issue(token, "CI");
        String ci2 = issue(token, "CI");
        issue(token, "Laptop");

        assertExit(jo.run("token", "revoke", "--display-name", "Laptop"), 0);
        Cli.Result ambiguous = jo.run("token", "revoke", "--display-name", "CI");
        assertExit(ambiguous, 1);
        assertThat(ambiguous.err()).contains("2 of your tokens are named 'CI', so nothing was revoked", ci1.substring(0, 19),
                ci2.substring(0, 19), "--display-name 'CI' --all --yes");
        assertThat(http.get("/v1/users/current", ci1).status()).isEqualTo(200);

        Cli.Result unconfirmed = jo.run("token", "revoke", "--all");
        assertExit(unconfirmed, 2);
        assertThat(unconfirmed.err()).contains("add --yes");
        assertThat(http.get("/v1/users/current", ci2).status()).isEqualTo(200);

        Cli.Result bothCi = jo.run("token", "revoke", "--display-name", "CI", "--all", "--yes");
        assertExit(bothCi, 0);
        assertThat(bothCi.out()).contains("Revoked 2 tokens named 'CI'.");
        Cli.Result everything = jo.run("token", "revoke", "--all", "--yes");
        assertExit(everything, 0);
        assertThat(everything.out()).contains("Revoked 1 token.");

        Cli.Result revokedToken = jo.run("whoami");
        assertExit(revokedToken, 1);
        assertThat(revokedToken.err()).contains("The token is unknown, expired or revoked", "RILL_API_TOKEN");
    }

    @Test
    void aSuperuserRenamesAnOrganizationAndDeletesItOnlyWithYesInAScript() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String root = http.probe("superuser?email=cli-root-" + run + "@test.example").raw().body();
        Cli rill = cli.with("RILL_API_URL", http.base).with("RILL_API_TOKEN", root);
        String org = "cli-" + run;
        assertExit(rill.run("org", "create", org), 0);

        Cli.Result renamed = rill.run("org", "rename", org, "--new-name", org + "-renamed", "--display-name", "Renamed by the CLI");
        assertExit(renamed, 0);
        assertThat(renamed.out()).isEqualTo("Organization " + org + " is now " + org + "-renamed (\"Renamed by the CLI\").\n");
        assertThat(http.get("/v1/organizations/" + org, root).status()).isEqualTo(404);
        assertThat(http.get("/v1/organizations/" + org + "-renamed", root).json().getJsonObject("organization").getString("displayName"))
                .isEqualTo("Renamed by the CLI");
        Cli.Result badName = rill.run("org", "rename", org + "-renamed", "--new-name", "Not A Name");
        assertExit(badName, 1);
        assertThat(badName.err()).contains("name must be 1 to 64 lower-case letters");

        Cli.Result unconfirmed = rill.run("org", "delete", org + "-renamed");
        assertExit(unconfirmed, 2);
        assertThat(unconfirmed.err()).contains("needs --yes when rill does not run in a terminal");
        assertThat(http.get("/v1/organizations/" + org + "-renamed", root).status()).isEqualTo(200);

        String member = newUser("not-super");
        Cli.Result refused = cli.with("RILL_API_URL", http.base).with("RILL_API_TOKEN", member).run("org", "delete", org + "-renamed", "--yes");
        assertExit(refused, 1);
        assertThat(http.get("/v1/organizations/" + org + "-renamed", root).status()).isEqualTo(200);

        Cli.Result deleted = rill.run("org", "delete", org + "-renamed", "--yes");
        assertExit(deleted, 0);
        assertThat(deleted.out()).isEqualTo("Deleted organization " + org + "-renamed.\n");
        assertThat(http.get("/v1/organizations/" + org + "-renamed", root).status()).isEqualTo(404);
    }

    @Test
    void aMalformedTokenGetsTheServersMessageAndExitCodeOne() throws Exception {
        Cli.Result result = cli.with("RILL_API_URL", http.base).run("token", "list", "--api-token", "rill_usr_nonsense");

        assertExit(result, 1);
        assertThat(result.err()).contains("The bearer token is malformed");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aServerThatCannotBeReachedEndsWithExitCodeThreeThroughTheLauncher() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Cli.Result result = Cli.launcher(home.resolve("rill-config")).with("RILL_API_TOKEN", "rill_usr_x")
                .run("token", "list", "--api-url", "http://localhost:" + closedPort);

        assertExit(result, 3);
        assertThat(result.err()).contains("Cannot reach the server at http://localhost:" + closedPort + " (connection refused)");
    }

    @Test
    void tokensEndingWithinSevenDaysAreMarkedInTheListAfterTheSpecsColumns() throws Exception {
        String first = newUser("kim");
        Cli kim = cli.with("RILL_API_URL", http.base).with("RILL_API_TOKEN", first);
        assertThat(http.post(TOKENS, first, "{\"displayName\":\"Nightly export\",\"ttlMinutes\":" + 30 * 1440 + "}").status())
                .isEqualTo(201);
        String soon = http.post(TOKENS, first, "{\"displayName\":\"Demo week\",\"ttlMinutes\":" + 2 * 1440 + "}").json()
                .getJsonObject("tokenInfo").getString("prefix");

        Cli.Result table = kim.run("token", "list", "--utc");

        assertExit(table, 0);
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).matches("ID +DISPLAY NAME +CREATED +EXPIRES +LAST USED");
        assertThat(lines).filteredOn(line -> line.startsWith(soon)).singleElement().asString()
                .containsPattern("Demo week +\\S+ \\S+ +\\S+ \\S+ \\(expires soon\\) +Never$");
        assertThat(lines).filteredOn(line -> line.contains("Nightly export") || line.contains("first"))
                .hasSize(2).allSatisfy(line -> assertThat(line).doesNotContain("soon"));
        assertThat(table.err()).contains("1 token expires within 7 days", "rill token rotate");
        assertThat(json(kim.run("token", "list", "--output", "json")).toString()).doesNotContain("soon");
    }

    private String newUser(String name) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        return http.probe("user?email=" + email).raw().body();
    }

    private String issue(String token, String name) {
        return http.post(TOKENS, token, "{\"displayName\":" + Http.quote(name) + "}").json().getString("token");
    }

    private void assertRevoked(Cli.Result result, String token) {
        assertExit(result, 0);
        assertThat(result.out()).startsWith("Revoked ");
        assertThat(http.get("/v1/users/current", token).status()).isEqualTo(401);
    }

    private static JsonArray json(Cli.Result result) {
        assertExit(result, 0);
        return Json.createReader(new StringReader(result.out())).readArray();
    }
}
