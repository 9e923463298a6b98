package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official MCP TypeScript SDK client (npm {@code @modelcontextprotocol/sdk}, installed into target/mcp-client by
 * the build) with its OAuth client provider, connecting to a project's endpoint from nothing: the 401 leads it to
 * the metadata, it registers (or names its metadata document), the person signs in and approves in Chromium, it
 * exchanges the code, lists and calls tools, renews its token when the token expires, and is refused once the person
 * revokes the token in the portal.
 */
@ExtendWith(TestServer.class)
class OAuthClientIT {

    private static final Path CLIENT = Path.of("target", "mcp-client");
    private static final String SALES = "/v1/organizations/acme/projects/sales/runtime/mcp";
    private static Browser browser;

    Http http;
    Process node;
    BlockingQueue<JsonObject> events;
    /** The client's other lines, added by the thread that reads them while a test's message may list them. */
    final List<String> output = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = Browser.start(Path.of("target", "screenshots"));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void connect(Http server) {
        http = server;
        http.probe("forget-sign-ins");
        browser.reset(http.base);
    }

    @AfterEach
    void stopClient() {
        if (node != null) {
            node.destroyForcibly();
        }
        assertThat(browser.problems()).as("console").isEmpty();
    }

    @Test
    void aSelfRegisteredClientConnectsWithThePersonsApprovalUntilTheyRevokeIt() throws Exception {
        String name = "SDK Assistant " + UUID.randomUUID().toString().substring(0, 8);
        start("dcr", name);
        assertThat(next("registered").getString("clientId")).startsWith("rill-client-");
        approveInTheBrowser(next("authorize").getString("url"), name, "registering itself with this server");
        usesRenewsAndLosesIt(name);
    }

    @Test
    void aClientIdentifiedByItsMetadataDocumentConnectsTheSameWay() throws Exception {
        String name = "SDK Document Assistant " + UUID.randomUUID().toString().substring(0, 8);
        start("cimd", name);
        approveInTheBrowser(next("authorize").getString("url"), name, "its metadata document at 127.0.0.1");
        usesRenewsAndLosesIt(name);
    }

    private void approveInTheBrowser(String authorizationUrl, String name, String identifiedBy) {
        assertThat(authorizationUrl).startsWith(http.base + "/authorize?").contains("code_challenge_method=S256")
                .contains("resource=" + URLEncoder.encode(http.base + SALES, StandardCharsets.UTF_8));
        browser.driver.get(authorizationUrl);
        assertThat(browser.path()).startsWith("/login");
        browser.signIn(Demo.email("bob"), Demo.password("bob"));
        assertThat(browser.path()).startsWith("/authorize?");
        assertThat(browser.main()).contains(name).contains(identifiedBy).contains("127.0.0.1").contains("acme/sales")
                .contains("bob@acme.example");
        assertThat(browser.field("Read-only").isSelected()).isTrue();
        browser.press("Approve");
        browser.await("the client's callback page", () -> browser.driver.getPageSource().contains("Connected to rill-tokens"));
    }

    private void usesRenewsAndLosesIt(String name) throws Exception {
        JsonObject callback = next("callback");
        assertThat(callback.getString("iss")).isEqualTo(http.base);
        assertThat(callback.getBoolean("stateMatches")).isTrue();
        assertThat(next("tools").getJsonArray("names").toString()).isEqualTo("[\"list_apis\",\"call_api\",\"describe_access\"]");
        JsonObject call = next("call");
        assertThat(call.getBoolean("isError")).isFalse();
        assertThat(call.getInt("rowCount")).isPositive();
        String tokenName = name + " (OAuth)";
        String bob = http.probe("user?email=bob@acme.example").raw().body();
        JsonObject listed = http.get("/v1/users/current/tokens", bob).json().getJsonArray("tokens").getValuesAs(JsonObject.class)
                .stream().filter(token -> token.getString("displayName").equals(tokenName)).findFirst().orElseThrow();
        assertThat(listed.getJsonArray("projects").getString(0)).isEqualTo("acme/sales");
        assertThat(listed.getBoolean("readOnly")).isTrue();

        next("waiting");
        // The hour an access token lasts, passed: the next call is refused, and the SDK renews it by itself.
        http.probe("sql?update=" + URLEncoder.encode("UPDATE user_tokens SET secret_expires_on = created_on WHERE display_name = ?",
                StandardCharsets.UTF_8) + "&arg=" + URLEncoder.encode(tokenName, StandardCharsets.UTF_8));
        proceed();
        JsonObject refreshed = next("refreshed");
        assertThat(refreshed.getBoolean("isError")).isFalse();
        assertThat(refreshed.getBoolean("newAccessToken")).isTrue();
        assertThat(refreshed.getBoolean("sameToken")).as("the same listed token, with a new secret").isTrue();
        assertThat(refreshed.getJsonArray("statuses").toString()).as("refused, renewed, answered").isEqualTo("[401,200]");

        next("waiting");
        browser.open("/");
        browser.revoke(tokenName);
        browser.press("Revoke " + listed.getString("prefix"));
        assertThat(browser.messages()).contains("Revoked " + listed.getString("prefix"));
        proceed();
        // The very next call is refused, and the refresh token died with the token: the client must ask the person again.
        next("authorize");
        JsonObject revoked = next("revoked");
        assertThat(revoked.getBoolean("refused")).isTrue();
        assertThat(revoked.getString("error")).isEqualTo("UnauthorizedError");
        assertThat(revoked.getJsonArray("statuses").toString()).isEqualTo("[401]");
        assertThat(http.get("/v1/users/current/tokens", bob).json().getJsonArray("tokens").getValuesAs(JsonObject.class))
                .noneMatch(token -> token.getString("displayName").equals(tokenName));
        next("authorize");
        assertThat(next("reconnected").getBoolean("askedAgain")).isTrue();
    }

    private void start(String mode, String name) throws IOException {
        assertThat(CLIENT.resolve("node_modules/@modelcontextprotocol/sdk")).as("installed by the build (npm ci)").isDirectory();
        node = new ProcessBuilder("node", "oauth-flow.mjs", http.base + SALES, mode, name).directory(CLIENT.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(Files.createDirectories(Path.of("target", "servers"))
                        .resolve("mcp-client.log").toFile())).start();
        events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    events.add(Json.createReader(new java.io.StringReader(line)).readObject());
                }
            } catch (IOException | RuntimeException ended) {
                // The client exited; what it said is in output.
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** The client's next step, which must be {@code event}. */
    private JsonObject next(String event) throws InterruptedException {
        JsonObject step = events.poll(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(step).as("the client's step '" + event + "' after " + output).isNotNull();
        assertThat(step.getString("event")).as(step.toString()).isEqualTo(event);
        return step;
    }

    private void proceed() throws IOException {
        Writer in = new java.io.OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);
        in.write("go\n");
        in.flush();
    }
}
