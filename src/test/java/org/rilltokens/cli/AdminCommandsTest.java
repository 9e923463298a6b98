package org.rilltokens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** org, project, user and usergroup commands against a scripted server: what is sent, printed, and the exit codes. */
class AdminCommandsTest {

    private static final String ACME = "/v1/organizations/acme";

    @TempDir
    Path home;

    FakeServer server;
    CliRun rill;

    @BeforeEach
    void start() throws Exception {
        server = new FakeServer();
        rill = new CliRun(home).env("RILL_API_URL", server.url()).env("RILL_API_TOKEN", "rill_usr_caller");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonObject sent(int request) {
        return Json.createReader(new StringReader(server.requests.get(request).body())).readObject();
    }

    @Test
    void orgListIsATableOrTheServersObjectsAsJson() {
        server.on("GET", "/v1/organizations", 200, "{\"organizations\":[{\"name\":\"acme\",\"displayName\":\"Acme Corp\",\"role\":\"admin\"},"
                + "{\"name\":\"other\",\"displayName\":\"Other\",\"role\":null}]}");

        assertThat(rill.run("org", "list")).as(rill.err()).isZero();
        assertThat(rill.out()).isEqualTo("NAME   DISPLAY NAME  YOUR ROLE\nacme   Acme Corp     admin\nother  Other         (superuser)\n");

        CliRun json = new CliRun(home).env("RILL_API_URL", server.url()).env("RILL_API_TOKEN", "t");
        assertThat(json.run("org", "list", "--output", "json")).isZero();
        assertThat(Json.createReader(new StringReader(json.out())).readArray()).hasSize(2);
    }

    @Test
    void orgCreateSendsTheNameAndDisplayName() {
        server.on("POST", "/v1/organizations", 201, "{\"organization\":{\"name\":\"acme\",\"displayName\":\"Acme Corp\",\"role\":\"admin\"}}");

        assertThat(rill.run("org", "create", "acme", "--display-name", "Acme Corp")).as(rill.err()).isZero();

        assertThat(sent(0).getString("name")).isEqualTo("acme");
        assertThat(sent(0).getString("displayName")).isEqualTo("Acme Corp");
        assertThat(rill.out()).contains("Created organization acme (\"Acme Corp\"); you are its admin.");
    }

    @Test
    void addingAnEmailWithoutAnAccountPrintsOnlyTheInvitationLinkToStdout() {
        String link = server.url() + "/invite#Secret0123456789Secret0123456789Secret01234";
        server.on("POST", ACME + "/members", 201, "{\"pendingSignup\":true,\"invite\":{\"url\":\"" + link
                + "\",\"expiresOn\":\"2026-12-08T10:00:00Z\"}}");

        assertThat(rill.run("user", "add", "--org", "acme", "--email", "new@acme.example", "--role", "viewer")).as(rill.err()).isZero();

        assertThat(rill.out()).isEqualTo(link + "\n");
        assertThat(rill.err()).contains("new@acme.example has no account yet", "works once, until 2026-12-08 10:00");
        assertThat(sent(0).getString("email")).isEqualTo("new@acme.example");
        assertThat(sent(0).getString("role")).isEqualTo("viewer");
    }

    @Test
    void addingToAProjectAndChangingRolesUseTheProjectsPathsWithTheEmailEncoded() {
        server.on("POST", ACME + "/projects/sales/members", 201, "{\"pendingSignup\":false,\"invite\":null}");
        server.on("PUT", ACME + "/members/bob%2Btest%40acme.example", 200, "{}");
        server.on("DELETE", ACME + "/projects/sales/members/bob%2Btest%40acme.example", 200, "{}");

        assertThat(rill.run("user", "add", "--org", "acme", "--project", "sales", "--email", "carol@partner.example", "--role", "viewer"))
                .as(rill.err()).isZero();
        assertThat(rill.out()).contains("Added carol@partner.example to acme/sales as viewer.");
        assertThat(rill.run("user", "set-role", "--org", "acme", "--email", "bob+test@acme.example", "--role", "editor")).isZero();
        assertThat(sent(1).getString("role")).isEqualTo("editor");
        assertThat(rill.run("user", "remove", "--org", "acme", "--project", "sales", "--email", "bob+test@acme.example")).isZero();
        assertThat(server.paths()).containsExactly("POST " + ACME + "/projects/sales/members", "PUT " + ACME + "/members/bob%2Btest%40acme.example",
                "DELETE " + ACME + "/projects/sales/members/bob%2Btest%40acme.example");
    }

    @Test
    void userListFollowsThePagesAndShowsPendingInvitations() {
        server.on("GET", ACME + "/members", 200, "{\"members\":[{\"email\":\"alice@acme.example\",\"displayName\":\"Alice\",\"role\":\"admin\","
                + "\"groups\":[],\"attributes\":{}}],\"nextPageToken\":\"next\"}");
        server.on("GET", ACME + "/members?pageToken=next", 200, "{\"members\":[{\"email\":\"bob@acme.example\",\"displayName\":\"Bob\","
                + "\"role\":\"viewer\",\"groups\":[\"emea\"],\"attributes\":{\"region\":\"EMEA\"}}],\"nextPageToken\":null}");
        server.on("GET", ACME + "/invites", 200, "{\"invites\":[{\"email\":\"new@acme.example\",\"role\":\"editor\",\"invitedBy\":"
                + "\"alice@acme.example\",\"expiresOn\":\"2026-12-08T10:00:00Z\",\"expired\":false,\"projects\":[]}]}");

        assertThat(rill.run("user", "list", "--org", "acme")).as(rill.err()).isZero();

        assertThat(rill.out().lines().toList()).containsExactly(
                "EMAIL               NAME       ROLE    GROUPS  ATTRIBUTES",
                "alice@acme.example  Alice      admin",
                "bob@acme.example    Bob        viewer  emea    region=EMEA",
                "new@acme.example    (invited)  editor");
    }

    @Test
    void setAttributesSendsEveryPairAndRefusesWhatIsNotAPairBeforeSendingAnything() {
        server.on("PUT", ACME + "/members/bob%40acme.example/attributes", 200, "{\"attributes\":{\"region\":\"EMEA\",\"tier\":\"a=b\"}}");

        assertThat(rill.run("user", "set-attributes", "--org", "acme", "--email", "bob@acme.example", "region=EMEA", "tier=a=b")).isZero();
        assertThat(sent(0).getJsonObject("attributes")).isEqualTo(Json.createObjectBuilder().add("region", "EMEA").add("tier", "a=b").build());

        assertThat(rill.run("user", "set-attributes", "--org", "acme", "--email", "bob@acme.example", "region")).isEqualTo(Failure.USAGE);
        assertThat(rill.run("user", "set-attributes", "--org", "acme", "--email", "bob@acme.example")).isEqualTo(Failure.USAGE);
        assertThat(rill.err()).contains("'region' is not NAME=VALUE", "--clear");
        assertThat(server.requests).hasSize(1);

        assertThat(rill.run("user", "set-attributes", "--org", "acme", "--email", "bob@acme.example", "--clear")).isZero();
        assertThat(sent(1).getJsonObject("attributes")).isEmpty();
    }

    @Test
    void usergroupCommandsSendWhatTheirFlagsSay() {
        server.on("POST", ACME + "/usergroups", 201, "{\"usergroup\":{\"name\":\"emea\",\"members\":[]}}");
        server.on("PUT", ACME + "/usergroups/emea/members/bob%40acme.example", 200, "{}");
        server.on("PUT", ACME + "/projects/sales/usergroups/emea/roles", 200, "{}");
        server.on("DELETE", ACME + "/projects/sales/usergroups/emea/roles", 200, "{}");
        server.on("PUT", ACME + "/usergroups/emea", 200, "{}");
        server.on("GET", ACME + "/usergroups", 200, "{\"usergroups\":[{\"name\":\"emea\",\"members\":[\"bob@acme.example\",\"eve@acme.example\"]}]}");

        assertThat(rill.run("usergroup", "create", "--org", "acme", "--group", "emea")).isZero();
        assertThat(rill.run("usergroup", "add", "--org", "acme", "--group", "emea", "--email", "bob@acme.example")).isZero();
        assertThat(rill.run("usergroup", "set-role", "--org", "acme", "--project", "sales", "--group", "emea", "--role", "viewer")).isZero();
        assertThat(rill.run("usergroup", "set-role", "--org", "acme", "--project", "sales", "--group", "emea", "--role", "none")).isZero();
        assertThat(rill.run("usergroup", "rename", "--org", "acme", "--group", "emea", "--new-name", "europe")).isZero();
        assertThat(rill.run("usergroup", "list", "--org", "acme")).isZero();

        assertThat(sent(0).getString("name")).isEqualTo("emea");
        assertThat(sent(2).getString("role")).isEqualTo("viewer");
        assertThat(sent(4).getString("name")).isEqualTo("europe");
        assertThat(server.paths()).element(3).isEqualTo("DELETE " + ACME + "/projects/sales/usergroups/emea/roles");
        assertThat(rill.out()).contains("emea   bob@acme.example, eve@acme.example");
    }

    @Test
    void deletingAProjectAsksFirstAndInAScriptNeedsYes() {
        server.on("DELETE", ACME + "/projects/sales", 200, "{}");

        assertThat(rill.run("project", "delete", "sales", "--org", "acme")).isEqualTo(Failure.USAGE);
        assertThat(rill.err()).contains("needs --yes");
        assertThat(server.requests).isEmpty();

        CliRun no = new CliRun(home).env("RILL_API_URL", server.url()).env("RILL_API_TOKEN", "t").typing("n");
        assertThat(no.run("project", "delete", "sales", "--org", "acme")).isEqualTo(Failure.REFUSED);
        assertThat(no.err()).contains("Delete project acme/sales?", "Nothing was deleted.");
        assertThat(server.requests).isEmpty();

        assertThat(rill.run("project", "delete", "sales", "--org", "acme", "--yes")).isZero();
        assertThat(server.paths()).containsExactly("DELETE " + ACME + "/projects/sales");
    }

    @Test
    void orgRenameSendsOnlyWhatChangesAndNeedsSomethingToChange() {
        server.on("PUT", ACME, 200, "{\"organization\":{\"name\":\"acme-corp\",\"displayName\":\"Acme Corp\",\"role\":\"admin\"}}");

        assertThat(rill.run("org", "rename", "acme")).isEqualTo(Failure.USAGE);
        assertThat(rill.err()).contains("Give --new-name, --display-name or both");
        assertThat(server.requests).isEmpty();

        assertThat(rill.run("org", "rename", "acme", "--new-name", "acme-corp")).as(rill.err()).isZero();
        assertThat(server.paths()).containsExactly("PUT " + ACME);
        assertThat(sent(0)).isEqualTo(Json.createObjectBuilder().add("name", "acme-corp").build());
        assertThat(rill.out()).isEqualTo("Organization acme is now acme-corp (\"Acme Corp\").\n");
    }

    @Test
    void deletingAnOrganizationNeedsItsNameTypedAndInAScriptNeedsYes() {
        server.on("DELETE", ACME, 200, "{}");

        assertThat(rill.run("org", "delete", "acme")).isEqualTo(Failure.USAGE);
        assertThat(rill.err()).contains("Deleting organization acme needs --yes when rill does not run in a terminal");
        assertThat(server.requests).isEmpty();

        CliRun yes = new CliRun(home).env("RILL_API_URL", server.url()).env("RILL_API_TOKEN", "t").typing("y");
        assertThat(yes.run("org", "delete", "acme")).as("a yes is not the name").isEqualTo(Failure.REFUSED);
        assertThat(yes.err()).contains("Delete organization acme?", "Type acme to confirm", "Nothing was deleted.");
        assertThat(server.requests).isEmpty();

        CliRun typed = new CliRun(home).env("RILL_API_URL", server.url()).env("RILL_API_TOKEN", "t").typing("acme");
        assertThat(typed.run("org", "delete", "acme")).as(typed.err()).isZero();
        assertThat(typed.out()).isEqualTo("Deleted organization acme.\n");
        assertThat(rill.run("org", "delete", "acme", "--yes")).isZero();
        assertThat(server.paths()).containsExactly("DELETE " + ACME, "DELETE " + ACME);
    }

    @Test
    void theServersRefusalIsPrintedWithExitCodeOneAndMissingFlagsAreUsageErrors() {
        server.on("POST", ACME + "/projects", 403, "{\"code\":\"forbidden\",\"message\":\"To create projects in organization acme you "
                + "need to be org editor; your role there is viewer\"}");

        assertThat(rill.run("project", "create", "sales", "--org", "acme")).isEqualTo(Failure.REFUSED);
        assertThat(rill.err()).isEqualTo("Error: To create projects in organization acme you need to be org editor; your role there is viewer\n");

        assertThat(rill.run("user", "add", "--org", "acme", "--email", "bob@acme.example")).isEqualTo(Failure.USAGE);
        assertThat(rill.err()).contains("--role");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void everyAdministrationCommandHasHelpWithExamples() {
        for (List<String> command : List.of(List.of("org"), List.of("org", "list"), List.of("org", "create"), List.of("org", "rename"),
                List.of("org", "delete"), List.of("project", "list"),
                List.of("project", "create"), List.of("project", "delete"), List.of("user"), List.of("user", "list"), List.of("user", "add"),
                List.of("user", "set-role"), List.of("user", "remove"), List.of("user", "set-attributes"), List.of("usergroup"),
                List.of("usergroup", "list"), List.of("usergroup", "create"), List.of("usergroup", "rename"), List.of("usergroup", "delete"),
                List.of("usergroup", "add"), List.of("usergroup", "remove"), List.of("usergroup", "set-role"), List.of("org", "autoinvite"),
                List.of("org", "autoinvite", "list"), List.of("org", "autoinvite", "add"), List.of("org", "autoinvite", "remove"))) {
            CliRun help = new CliRun(home);
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            assertThat(help.run(args.toArray(String[]::new))).as(String.join(" ", command)).isZero();
            assertThat(help.out()).as(String.join(" ", command)).contains("Examples:", "  rill " + command.get(0));
        }
    }
}
