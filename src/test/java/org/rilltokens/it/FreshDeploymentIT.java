package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rilltokens.it.Cli.assertExit;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * Issue 11's "done": a fresh deployment (no demo data, only the first admin from RILL_ADMIN_EMAIL) is turned into
 * the demo organization of the README entirely with the rill CLI, the invited people accept their links in the
 * portal, and then every demo user's token reaches exactly what the README says. Then the admin deletes it in the
 * portal and builds it again there, form by form (in Chromium), and the same tokens reach the same again; killed
 * (-9) and started again on its H2 file, the server still answers as it last did. Its server has its own H2 file, so
 * it runs in the H2 pass only.
 */
@EnabledIfSystemProperty(named = "rill.test.database", matches = "h2")
class FreshDeploymentIT {

    private static final String ROOT = "root@acme.example";
    private static final String SALES = "/v1/organizations/acme/projects/sales/runtime/api/";
    private static final String TOKENS = "/v1/users/current/tokens";

    @TempDir
    Path home;

    @Test
    void theCliAndThenThePortalTurnAFreshDeploymentIntoTheDemoOrganizationThatSurvivesAKill() throws Exception {
        Path data = Files.createTempDirectory("rill-fresh");
        String alice;
        Map<String, String> tokens = new LinkedHashMap<>();
        String issued;
        String revoked;
        Map<String, String> deployment = Map.of("RILL_DATA_DIR", data.toString(), "RILL_DEMO", "false", "RILL_ADMIN_EMAIL", ROOT,
                "RILL_ADMIN_PASSWORD", "root-password");
        try (ServerNode node = new ServerNode("fresh", deployment).startAndWait()) {
            Http http = node.http();
            Cli rill = Cli.inProcess(home.resolve("cli")).with("RILL_API_URL", node.base()).with("RILL_API_TOKEN", token(node, ROOT, "root-password"));
            assertThat(json(rill.run("org", "list", "--output", "json"))).isEmpty();

            ok(rill.run("org", "create", "acme", "--display-name", "Acme Corp"));
            ok(rill.run("project", "create", "sales", "--org", "acme"));
            ok(rill.run("project", "create", "ops", "--org", "acme"));
            Map<String, String> links = new LinkedHashMap<>();
            links.put("alice", invite(rill, "--email", "alice@acme.example", "--role", "admin"));
            links.put("bob", invite(rill, "--email", "bob@acme.example", "--role", "viewer"));
            links.put("carol", invite(rill, "--project", "sales", "--email", "carol@partner.example", "--role", "viewer"));
            invite(rill, "--email", "dave@acme.example", "--role", "editor");
            links.put("dave", invite(rill, "--project", "ops", "--email", "dave@acme.example", "--role", "editor"));
            links.put("erin", invite(rill, "--email", "erin@acme.example", "--role", "viewer"));
            links.forEach((name, link) -> accept(node, link, name));

            ok(rill.run("user", "remove", "--org", "acme", "--email", "erin@acme.example"));
            ok(rill.run("usergroup", "create", "--org", "acme", "--group", "emea"));
            ok(rill.run("usergroup", "add", "--org", "acme", "--group", "emea", "--email", "bob@acme.example"));
            ok(rill.run("usergroup", "set-role", "--org", "acme", "--project", "sales", "--group", "emea", "--role", "viewer"));
            ok(rill.run("usergroup", "create", "--org", "acme", "--group", "amer"));
            ok(rill.run("usergroup", "add", "--org", "acme", "--group", "amer", "--email", "dave@acme.example"));
            ok(rill.run("user", "set-attributes", "--org", "acme", "--email", "bob@acme.example", "region=EMEA"));
            ok(rill.run("user", "set-attributes", "--org", "acme", "--email", "dave@acme.example", "region=AMER"));
            ok(rill.run("user", "remove", "--org", "acme", "--email", "current"));

            alice = token(node, "alice@acme.example", "password-alice");
            Map<String, String> roles = new LinkedHashMap<>();
            json(rill.with("RILL_API_TOKEN", alice).run("user", "list", "--org", "acme", "--output", "json")).getValuesAs(JsonObject.class)
                    .forEach(m -> roles.put(m.getString("email"), m.getString("role")));
            assertThat(roles).containsExactly(Map.entry("alice@acme.example", "admin"), Map.entry("bob@acme.example", "viewer"),
                    Map.entry("carol@partner.example", "guest"), Map.entry("dave@acme.example", "editor"));
            for (String name : List.of("alice", "bob", "carol", "dave", "erin")) {
                tokens.put(name, token(node, name + (name.equals("carol") ? "@partner.example" : "@acme.example"), "password-" + name));
            }
            assertTheDemo(http, alice, tokens);

            theSameThroughThePortal(node, http, tokens);
            assertTheDemo(http, alice, tokens);

            // A power cut right after answering (kill -9: no shutdown, no flushing): what the server answered is in
            // its H2 file when it starts again.
            issued = http.post(TOKENS, alice, "{\"displayName\":\"survives\"}").json().getString("token");
            revoked = http.post(TOKENS, alice, "{\"displayName\":\"to revoke\"}").json().getString("token");
            assertThat(http.delete(TOKENS + "/" + revoked.substring(0, 19), alice).status()).isEqualTo(200);
            node.kill();
        }
        try (ServerNode node = new ServerNode("fresh-after-kill", deployment).startAndWait()) {
            Http http = node.http();
            assertThat(http.get("/v1/users/current", issued).status()).isEqualTo(200);
            assertThat(http.get("/v1/users/current", revoked).status()).isEqualTo(401);
            assertTheDemo(http, alice, tokens);
        }
    }

    /** The members of acme (as its admin sees them) and what each demo user's token reaches, as the README says. */
    private static void assertTheDemo(Http http, String admin, Map<String, String> tokens) {
        Map<String, String> roles = new LinkedHashMap<>();
        Http.Answer members = http.get("/v1/organizations/acme/members", admin);
        assertThat(members.status()).as(members.raw().body()).isEqualTo(200);
        members.json().getJsonArray("members").getValuesAs(JsonObject.class).forEach(m -> roles.put(m.getString("email"), m.getString("role")));
        assertThat(roles).containsExactly(Map.entry("alice@acme.example", "admin"), Map.entry("bob@acme.example", "viewer"),
                Map.entry("carol@partner.example", "guest"), Map.entry("dave@acme.example", "editor"));

        String alice = tokens.get("alice");
        String bob = tokens.get("bob");
        String carol = tokens.get("carol");
        String dave = tokens.get("dave");
        String erin = tokens.get("erin");
        assertThat(regions(http.get(SALES + "revenue_by_product?year=2024", alice))).containsExactlyInAnyOrder("AMER", "APAC", "EMEA");
        assertThat(regions(http.get(SALES + "revenue_by_product?year=2024", bob))).containsExactly("EMEA");
        assertThat(regions(http.get(SALES + "revenue_by_product?year=2024", carol))).isEmpty();
        assertThat(http.get(SALES + "customers_by_domain", carol).status()).isEqualTo(403);
        assertThat(http.get(SALES + "customers_by_domain", bob).status()).isEqualTo(200);
        assertThat(rows(http.get(SALES + "recent_orders?region=EMEA", bob)).getJsonObject(0).keySet()).doesNotContain("revenue");
        assertThat(rows(http.get(SALES + "recent_orders?region=EMEA", alice)).getJsonObject(0).keySet()).contains("revenue");
        assertThat(http.get(SALES + "recent_orders?region=EMEA", dave).status()).isEqualTo(404);
        assertThat(http.get("/v1/organizations/acme/projects/ops/runtime/api/incidents", dave).status()).isEqualTo(200);
        assertThat(http.get(SALES + "recent_orders?region=EMEA", erin).status()).isEqualTo(404);
        assertThat(http.get("/v1/organizations", erin).json().getJsonArray("organizations")).isEmpty();
    }

    /**
     * The same organization once more, entirely in the portal: the first admin deletes acme (typing its name), then
     * creates it again with its projects, adds the five people (who have accounts by now) with their roles, gives
     * direct project roles, makes both groups, gives a group a project role, sets the attributes and leaves.
     */
    private static void theSameThroughThePortal(ServerNode node, Http http, Map<String, String> tokens) throws Exception {
        Browser browser = Browser.start(BrowserPerClass.SCREENSHOTS);
        try {
            browser.reset(node.base());
            browser.signIn(ROOT, "root-password");
            browser.open("/organization?org=acme");
            browser.driver.findElement(By.cssSelector("details.danger-zone summary")).click();
            browser.type("Type “acme” to confirm", "acme");
            browser.press("Delete organization acme");
            assertThat(browser.messages()).contains("Deleted organization acme");
            assertThat(http.get(SALES + "revenue_by_product?year=2024", tokens.get("bob")).status()).isEqualTo(404);

            browser.type("Name", "acme");
            browser.type("Display name", "Acme Corp");
            browser.press("Create organization");
            assertThat(browser.path()).isEqualTo("/organization?org=acme");
            for (String project : List.of("sales", "ops")) {
                browser.open("/organization?org=acme");
                browser.type("Project name", project);
                browser.press("Create project");
                assertThat(browser.heading()).isEqualTo("Project acme/" + project);
            }

            browser.open("/members?org=acme");
            for (String[] member : new String[][] {{"alice", "admin"}, {"bob", "viewer"}, {"dave", "editor"}, {"erin", "viewer"}}) {
                browser.type("Email", member[0] + "@acme.example");
                browser.choose("Role", member[1]);
                browser.press("Add member");
                assertThat(browser.messages()).isEqualTo("Added " + member[0] + "@acme.example as " + member[1] + ".");
            }
            browser.pressLabelled("Remove erin@acme.example");
            browser.press("Remove erin@acme.example");
            assertThat(browser.messages()).contains("Removed erin@acme.example from acme");
            for (String[] attribute : new String[][] {{"bob", "EMEA"}, {"dave", "AMER"}}) {
                browser.pressLabelled("Edit the attributes of " + attribute[0] + "@acme.example");
                browser.type("Attributes of " + attribute[0] + "@acme.example", "region=" + attribute[1]);
                browser.press("Save attributes");
                assertThat(browser.messages()).contains("Saved the attributes of " + attribute[0] + "@acme.example");
            }

            browser.open("/groups?org=acme");
            for (String[] group : new String[][] {{"emea", "bob"}, {"amer", "dave"}}) {
                browser.type("Group name", group[0]);
                browser.press("Create group");
                browser.choose("Add a member to " + group[0], group[1] + "@acme.example");
                browser.pressLabelled("Add the chosen member to group " + group[0]);
                assertThat(browser.messages()).isEqualTo("Added " + group[1] + "@acme.example to group " + group[0] + ".");
            }

            browser.open("/project?org=acme&project=sales");
            browser.type("Email", "carol@partner.example");
            browser.choose("Project role", "viewer");
            browser.press("Give role");
            assertThat(browser.messages()).isEqualTo("carol@partner.example is now viewer of sales.");
            browser.choose("Group", "emea");
            browser.choose("Role for the group's members", "viewer");
            browser.press("Give group role");
            assertThat(browser.messages()).contains("Group emea is now viewer of sales");
            browser.open("/project?org=acme&project=ops");
            browser.type("Email", "dave@acme.example");
            browser.choose("Project role", "editor");
            browser.press("Give role");
            assertThat(browser.messages()).isEqualTo("dave@acme.example is now editor of ops.");

            browser.open("/members?org=acme");
            browser.driver.findElement(By.cssSelector("details.danger-zone summary")).click();
            browser.press("Leave acme");
            assertThat(browser.messages()).contains("You left acme.");
        } finally {
            browser.close();
        }
    }

    private static void ok(Cli.Result result) {
        assertExit(result, 0);
    }

    /** {@code rill user add --org acme …} for an email without an account: the invitation link, alone on stdout. */
    private static String invite(Cli rill, String... flags) throws InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("user", "add", "--org", "acme"));
        args.addAll(List.of(flags));
        Cli.Result result = rill.run(args.toArray(String[]::new));
        assertExit(result, 0);
        assertThat(result.err()).contains("has no account yet");
        String link = result.out().strip();
        assertThat(link).matches("http://localhost:\\d+/invite#[A-Za-z0-9_-]{43}");
        return link;
    }

    /** Opens the link without a browser script: pastes the part after # and chooses the password "password-NAME". */
    private static void accept(ServerNode node, String link, String name) {
        Portal portal = new Portal(node.base());
        Portal.Page page = portal.submit(portal.get("/invite").form("enter").fill("Invitation code", link.substring(link.indexOf('#') + 1))
                .press("Continue"));
        assertThat(page.html()).contains("invited you", "Acme Corp");
        Portal.Page accepted = portal.submit(page.form("accept").fill("Display name", name).fill("Password", "password-" + name)
                .fill("Password again", "password-" + name).press("Accept invitation"));
        assertThat(accepted.status()).as(accepted.html()).isEqualTo(302);
    }

    /** Signs in to the portal and creates a token on the tokens page, as a person would. */
    private static String token(ServerNode node, String email, String password) {
        Portal portal = new Portal(node.base());
        Portal.Page signedIn = portal.submit(portal.get("/login").form("signin").fill("Email", email).fill("Password", password)
                .press("Sign in"));
        assertThat(signedIn.status()).as("sign-in of " + email).isEqualTo(302);
        Portal.Page issued = portal.submit(portal.get("/").form("issue").fill("Display name", "fresh").press("Create token"));
        return portal.get(issued.location()).readOnlyValue("Token").orElseThrow();
    }

    private static JsonArray json(Cli.Result result) {
        assertExit(result, 0);
        return Json.createReader(new StringReader(result.out())).readArray();
    }

    private static JsonArray rows(Http.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return Json.createReader(new StringReader(answer.raw().body())).readArray();
    }

    private static List<String> regions(Http.Answer answer) {
        return rows(answer).getValuesAs(JsonObject.class).stream().map(row -> row.getString("region")).distinct().toList();
    }
}
