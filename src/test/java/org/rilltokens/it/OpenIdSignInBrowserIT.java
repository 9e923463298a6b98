package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Sign-in through the company's OpenID provider, in headless Chromium, against the real provider the shared test
 * server is configured with ({@link IdentityProvider}: its login form takes a user name and the claims of the ID
 * token). First sign-in creates the account and applies invitations and join by domain; an unverified email and a
 * deactivated account are refused with a page that says so; group mapping adds the person to the named groups; and
 * the person then issues a token, approves a device login, and signs out with the provider's logout offered.
 */
@ExtendWith(TestServer.class)
class OpenIdSignInBrowserIT {

    @RegisterExtension
    static final BrowserPerClass chromium = new BrowserPerClass("failed-oidc-");

    Browser browser;

    Http http;
    String alice;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void newVisitor(Http server) {
        http = server;
        http.probe("forget-sign-ins");
        alice = http.probe("user?email=alice@acme.example").raw().body();
        browser = chromium.browser();
        browser.reset(http.base);
    }

    @Test
    void theFirstSignInCreatesTheAccountWithItsInvitationAndItsTokenWorks() {
        String email = "nina-" + run + "@company.example";
        Http.Answer invited = http.post("/v1/organizations/acme/members", alice,
                "{\"email\":" + Http.quote(email) + ",\"role\":\"viewer\"}");
        assertThat(invited.status()).as(invited.raw().body()).isBetween(200, 201);

        browser.open("/login");
        assertThat(browser.main()).contains("Sign in with " + IdentityProvider.PROVIDER_NAME, "Email", "Password");
        browser.screenshot("sign-in-with-provider");
        signInAtProvider(email, true, "Nina New", null);

        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.header()).contains("Nina New", email);
        browser.open("/access");
        assertThat(browser.main()).as("the invitation was applied").contains("acme", "viewer");
        assertThat(members("acme")).containsEntry(email, "viewer");

        browser.open("/");
        browser.type("Display name", "after provider sign-in");
        browser.press("Create token");
        String token = browser.field("Token").getDomProperty("value");
        assertThat(token).startsWith("rill_usr_");
        JsonObject me = http.get("/v1/users/current", token).json();
        assertThat(me.getString("email")).isEqualTo(email);
        assertThat(me.getString("displayName")).isEqualTo("Nina New");

        // Signing in again finds the same account.
        browser.reset(http.base);
        signInAtProvider(email, true, "Nina New", null);
        assertThat(browser.tokenNames()).containsExactly("after provider sign-in");
    }

    @Test
    void aVerifiedEmailOfAListedDomainJoinsByItself() {
        String domain = "join-" + run + ".example";
        Http.Answer added = http.post("/v1/organizations/acme/autoinvite", alice,
                "{\"domain\":" + Http.quote(domain.toUpperCase()) + ",\"role\":\"editor\"}");
        assertThat(added.status()).as(added.raw().body()).isEqualTo(200);
        assertThat(added.json().getJsonObject("autoinvite").getString("domain")).isEqualTo(domain);
        assertThat(http.get("/v1/organizations/acme/autoinvite", alice).json().getJsonArray("autoinvite").getValuesAs(JsonObject.class))
                .extracting(d -> d.getString("domain") + "=" + d.getString("role")).contains(domain + "=editor");
        assertThat(http.post("/v1/organizations/acme/autoinvite", alice, "{\"domain\":\"x.example\",\"role\":\"admin\"}").json()
                .getString("field")).isEqualTo("role");
        assertThat(http.post("/v1/organizations/acme/autoinvite", alice, "{\"domain\":\"not a domain\",\"role\":\"viewer\"}")
                .json().getString("field")).isEqualTo("domain");
        String bob = http.probe("user?email=bob@acme.example").raw().body();
        assertThat(http.post("/v1/organizations/acme/autoinvite", bob, "{\"domain\":\"y.example\",\"role\":\"viewer\"}").status())
                .as("a viewer cannot change it").isEqualTo(403);

        String email = "omar@" + domain;
        signInAtProvider(email, true, "Omar", null);
        assertThat(browser.path()).isEqualTo("/");
        assertThat(members("acme")).containsEntry(email, "editor");

        assertThat(http.delete("/v1/organizations/acme/autoinvite/" + domain, alice).status()).isEqualTo(200);
        assertThat(http.get("/v1/organizations/acme/autoinvite", alice).json().getJsonArray("autoinvite").toString()).doesNotContain(domain);
        assertThat(http.delete("/v1/organizations/acme/autoinvite/" + domain, alice).status()).isEqualTo(404);
    }

    @Test
    void anAdminChoosesTheDomainsOnTheOrganizationPageAndAViewerOnlyReadsThem() {
        String domain = "portal-" + run + ".example";
        browser.signIn("alice@acme.example", "demo-alice");
        browser.open("/organization?org=acme");
        browser.type("Email domain", domain);
        browser.choose("They join as", "viewer");
        browser.press("Add domain");
        assertThat(browser.messages()).contains("People with a verified email @" + domain + " now join acme as viewer");
        assertThat(browser.main()).contains("@" + domain);
        browser.type("Email domain", "no domain");
        browser.press("Add domain");
        assertThat(browser.errorBeside("Email domain")).contains("must be an email domain");

        browser.reset(http.base);
        browser.signIn("bob@acme.example", "demo-bob");
        browser.open("/organization?org=acme");
        assertThat(browser.main()).contains("Join by domain", "@" + domain);
        assertThat(browser.hasField("Email domain")).as("a viewer only reads the list").isFalse();
        assertThat(browser.buttons("Stop for @" + domain)).isEmpty();

        browser.reset(http.base);
        browser.signIn("alice@acme.example", "demo-alice");
        browser.open("/organization?org=acme");
        browser.press("Stop for @" + domain);
        assertThat(browser.messages()).contains("People @" + domain + " no longer join acme by themselves");
        assertThat(http.get("/v1/organizations/acme/autoinvite", alice).raw().body()).doesNotContain(domain);
    }

    @Test
    void theCliListsAddsAndRemovesDomains(@org.junit.jupiter.api.io.TempDir java.nio.file.Path home) throws Exception {
        Cli admin = Cli.inProcess(home).with("RILL_API_URL", http.base).with("RILL_API_TOKEN", alice);
        String domain = "cli-" + run + ".example";
        Cli.Result added = admin.run("org", "autoinvite", "add", "--org", "acme", "--domain", domain, "--role", "guest");
        Cli.assertExit(added, 0);
        assertThat(added.out()).contains("People with a verified email @" + domain + " join acme as guest");
        Cli.Result listed = admin.run("org", "autoinvite", "list", "--org", "acme");
        Cli.assertExit(listed, 0);
        assertThat(listed.out()).contains("DOMAIN", "ROLE").containsPattern(java.util.regex.Pattern.quote(domain) + "\\s+guest");
        Cli.Result refused = admin.run("org", "autoinvite", "add", "--org", "acme", "--domain", domain, "--role", "admin");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("never admin");
        Cli.assertExit(admin.run("org", "autoinvite", "remove", "--org", "acme", "--domain", domain), 0);
        assertThat(admin.run("org", "autoinvite", "list", "--org", "acme", "--output", "json").out()).doesNotContain(domain);
    }

    @Test
    void anUnverifiedEmailIsRefusedAndGetsNoAccount() {
        String email = "uma-" + run + "@company.example";
        signInAtProvider(email, false, "Uma", null);
        assertThat(browser.path()).startsWith("/signin-refused");
        assertThat(browser.heading()).isEqualTo("Your email address is not verified");
        assertThat(browser.main()).contains(IdentityProvider.PROVIDER_NAME + " did not confirm");
        browser.open("/");
        assertThat(browser.path()).as("not signed in").startsWith("/login");
        assertThat(http.post("/v1/organizations/acme/members", alice, "{\"email\":" + Http.quote(email) + ",\"role\":\"viewer\"}")
                .json().getBoolean("pendingSignup")).as("still no account: adding the email invites it").isTrue();
    }

    @Test
    void aDeactivatedAccountIsRefused() {
        String email = "dora-" + run + "@company.example";
        http.probe("user?email=" + email);
        http.probe("deactivate?email=" + email);
        signInAtProvider(email, true, "Dora", null);
        assertThat(browser.heading()).isEqualTo("Your account is deactivated");
        assertThat(browser.main()).contains("Ask an administrator to reactivate it");
        browser.open("/");
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    void providerGroupsThatNameAGroupOfTheOrganizationMakeThePersonItsMember() {
        String group = "g-" + run;
        assertThat(http.post("/v1/organizations/acme/usergroups", alice, "{\"name\":" + Http.quote(group) + "}").status()).isEqualTo(201);
        String email = "gus-" + run + "@company.example";
        http.post("/v1/organizations/acme/members", alice, "{\"email\":" + Http.quote(email) + ",\"role\":\"guest\"}");

        signInAtProvider(email, true, "Gus", List.of(group, "no-such-group"));
        assertThat(browser.path()).isEqualTo("/");
        assertThat(groupMembers("acme", group)).containsExactly(email);
        assertThat(http.get("/v1/organizations/acme/usergroups", alice).raw().body()).doesNotContain("no-such-group");

        // Mapping adds, it never takes away: a later sign-in without the group leaves the membership.
        browser.reset(http.base);
        signInAtProvider(email, true, "Gus", List.of());
        assertThat(groupMembers("acme", group)).containsExactly(email);
        http.delete("/v1/organizations/acme/usergroups/" + group, alice);
    }

    @Test
    void aDeviceLoginIsApprovedAfterSigningInThroughTheProviderAndSigningOutOffersTheProvidersLogout() {
        String email = "dev-" + run + "@company.example";
        Http.Answer started = http.form("/v1/oauth/device_authorization", Map.of("client_id", "rill-cli", "device_name", "laptop"));
        JsonObject grant = started.json();
        browser.driver.get(grant.getString("verification_uri_complete"));
        assertThat(browser.path()).startsWith("/login");
        browser.follow("Sign in with " + IdentityProvider.PROVIDER_NAME);
        atProvider(email, true, "Dev", null);
        assertThat(browser.path()).as("back where the person was going").isEqualTo("/activate?code=" + grant.getString("user_code"));
        browser.press("Approve");
        Http.Answer issued = http.form("/v1/oauth/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", grant.getString("device_code"), "client_id", "rill-cli"));
        assertThat(issued.status()).as(issued.raw().body()).isEqualTo(200);
        assertThat(http.get("/v1/users/current", issued.json().getString("access_token")).json().getString("email")).isEqualTo(email);

        browser.open("/signout");
        browser.press("Sign out");
        assertThat(browser.main()).contains("You are signed out.");
        String logout = browser.driver.findElement(By.id("provider-signout")).getAttribute("href");
        assertThat(logout).contains("/" + IdentityProvider.ISSUER_ID + "/endsession?").contains("client_id=" + IdentityProvider.CLIENT_ID)
                .contains("post_logout_redirect_uri=" + URLEncoder.encode(http.base + "/login", StandardCharsets.UTF_8));
        browser.open("/");
        assertThat(browser.path()).startsWith("/login");
    }

    /** From the sign-in page through the provider's form and back. */
    @Test
    void anAssistantIsConnectedWithOAuthAfterSigningInThroughTheProvider() throws Exception {
        String email = "mia-" + run + "@company.example";
        assertThat(http.post("/v1/organizations/acme/members", alice, "{\"email\":" + Http.quote(email) + ",\"role\":\"viewer\"}")
                .status()).isBetween(200, 201);
        signInAtProvider(email, true, "Mia", null);
        assertThat(browser.path()).isEqualTo("/");

        // The assistant's redirect address: a loopback page of its own, as a desktop client listens on.
        HttpServer callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callback.createContext("/callback", exchange -> {
            byte[] page = "<!DOCTYPE html><title>connected</title>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        callback.start();
        try {
            String redirect = "http://127.0.0.1:" + callback.getAddress().getPort() + "/callback";
            Http.Answer registered = http.post("/v1/oauth/register", null, "{\"client_name\":\"Assistant " + run + "\",\"redirect_uris\":[\""
                    + redirect + "\"],\"grant_types\":[\"authorization_code\"],\"token_endpoint_auth_method\":\"none\"}");
            assertThat(registered.status()).as(registered.raw().body()).isEqualTo(201);
            String clientId = registered.json().getString("client_id");
            String verifier = "verifier-" + run + "-" + UUID.randomUUID() + UUID.randomUUID();
            String mcp = "/v1/organizations/acme/projects/sales/runtime/mcp";
            String authorize = "/authorize?" + query(Map.of("response_type", "code", "client_id", clientId, "redirect_uri", redirect,
                    "code_challenge", OAuthIT.challengeOf(verifier), "code_challenge_method", "S256", "state", run,
                    "resource", http.base + mcp));
            browser.open(authorize);
            assertThat(browser.main()).as("an org viewer has no role on the project yet")
                    .contains("You cannot query acme/sales", "acme/sales: nothing you can query there");
            assertThat(browser.buttons("Approve")).isEmpty();

            assertThat(http.post("/v1/organizations/acme/projects/sales/members", alice,
                    "{\"email\":" + Http.quote(email) + ",\"role\":\"viewer\"}").status()).isBetween(200, 201);
            browser.open(authorize);
            assertThat(browser.main()).contains("Assistant " + run, "with your own role there");
            browser.press("Approve");
            browser.await("back at the assistant", () -> browser.driver.getCurrentUrl().startsWith(redirect));
            Map<String, String> answer = java.util.Arrays.stream(URI.create(browser.driver.getCurrentUrl()).getRawQuery().split("&"))
                    .map(pair -> pair.split("=", 2)).collect(Collectors.toMap(pair -> pair[0],
                            pair -> java.net.URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
            assertThat(answer.get("state")).isEqualTo(run);

            Http.Answer tokens = http.form("/v1/oauth/token", Map.of("grant_type", "authorization_code", "code", answer.get("code"),
                    "client_id", clientId, "redirect_uri", redirect, "code_verifier", verifier, "resource", http.base + mcp));
            assertThat(tokens.status()).as(tokens.raw().body()).isEqualTo(200);
            String access = tokens.json().getString("access_token");
            Http.Answer tools = http.send(http.request(mcp, access).header("Accept", "application/json, text/event-stream")
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")));
            assertThat(tools.status()).as(tools.raw().body()).isEqualTo(200);
            assertThat(tools.raw().body()).contains("call_api");
            assertThat(http.get("/v1/users/current", access).json().getString("email")).isEqualTo(email);
        } finally {
            callback.stop(0);
        }
    }

    private static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private void signInAtProvider(String email, boolean verified, String name, List<String> groups) {
        browser.open("/login");
        browser.follow("Sign in with " + IdentityProvider.PROVIDER_NAME);
        atProvider(email, verified, name, groups);
    }

    /** What a person does on the provider's login page: their user name and what the provider knows of them. */
    private void atProvider(String email, boolean verified, String name, List<String> groups) {
        browser.await("the provider's login form", () -> !browser.driver.findElements(By.name("username")).isEmpty());
        var claims = Json.createObjectBuilder().add("email", email).add("email_verified", verified).add("name", name);
        if (groups != null) {
            JsonArrayBuilder values = Json.createArrayBuilder();
            groups.forEach(values::add);
            claims.add(IdentityProvider.GROUPS_CLAIM, values);
        }
        browser.driver.findElement(By.name("username")).sendKeys(email);
        browser.driver.findElement(By.name("claims")).sendKeys(claims.build().toString());
        browser.driver.findElement(By.cssSelector("input[type=submit]")).click();
        browser.await("back at rill-tokens", () -> browser.driver.getCurrentUrl().startsWith(http.base));
    }

    private Map<String, String> members(String org) {
        return http.get("/v1/organizations/" + org + "/members", alice).json().getJsonArray("members").getValuesAs(JsonObject.class)
                .stream().collect(Collectors.toMap(m -> m.getString("email"), m -> m.getString("role")));
    }

    private List<String> groupMembers(String org, String group) {
        return http.get("/v1/organizations/" + org + "/usergroups", alice).json().getJsonArray("usergroups").getValuesAs(JsonObject.class)
                .stream().filter(g -> g.getString("name").equals(group)).findFirst().orElseThrow().getJsonArray("members")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }
}
