package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OAuth authorization server for MCP clients (SPEC §12) over plain HTTP, a client's every step done by hand:
 * discovery from the 401, registration (dynamic, and by a client metadata document served from this test), the
 * consent page through the portal's forms, the code exchange with PKCE, refresh, revocation, and what it refuses.
 */
@ExtendWith(TestServer.class)
class OAuthIT {

    private static final String SALES = "/v1/organizations/acme/projects/sales/runtime/mcp";
    private static final String OPS = "/v1/organizations/acme/projects/ops/runtime/mcp";
    private static final String TOOLS_LIST = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\"}";
    private static final String REDIRECT = "http://127.0.0.1:53682/callback";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static HttpServer documents;
    Http http;

    @BeforeAll
    static void serveClientMetadata() throws Exception {
        documents = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        documents.createContext("/client.json", exchange -> {
            String self = "http://127.0.0.1:" + documents.getAddress().getPort() + "/client.json";
            byte[] body = Json.createObjectBuilder().add("client_id", self).add("client_name", "Document Assistant")
                    .add("redirect_uris", Json.createArrayBuilder().add(REDIRECT)).add("token_endpoint_auth_method", "none")
                    .build().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        documents.createContext("/impostor.json", exchange -> {
            byte[] body = "{\"client_id\":\"https://claude.ai/client.json\",\"client_name\":\"Claude\",\"redirect_uris\":[\"http://127.0.0.1:1/cb\"]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        documents.start();
    }

    @AfterAll
    static void stopServing() {
        documents.stop(0);
    }

    @BeforeEach
    void connect(Http server) {
        http = server;
    }

    /** A client in the middle of the flow: its id, PKCE pair and state. */
    record Client(String id, String verifier, String challenge, String state) {

        static Client of(String id) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            return new Client(id, verifier, challengeOf(verifier), UUID.randomUUID().toString());
        }
    }

    static String challengeOf(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anMcpEndpointSaysWhereToSignInAndTheMetadataLeadsToThisServer() {
        Http.Answer refused = mcp(SALES, null);
        assertThat(refused.status()).isEqualTo(401);
        String metadataUrl = http.base + "/.well-known/oauth-protected-resource" + SALES;
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"rill\", resource_metadata=\"" + metadataUrl + "\"");
        assertThat(mcp(SALES, "rill_usr_nonsense").header("WWW-Authenticate"))
                .startsWith("Bearer realm=\"rill\", error=\"invalid_token\"").contains("resource_metadata=\"" + metadataUrl + "\"");
        // The REST API is no OAuth resource: its challenge stays as it was.
        assertThat(http.get("/v1/users/current", null).header("WWW-Authenticate")).isEqualTo("Bearer realm=\"rill\"");

        JsonObject resource = get(URI.create(metadataUrl).getPath());
        assertThat(resource.getString("resource")).isEqualTo(http.base + SALES);
        assertThat(resource.getJsonArray("authorization_servers").getString(0)).isEqualTo(http.base);
        // Any project's endpoint has metadata, so it says nothing about which projects exist.
        assertThat(get("/.well-known/oauth-protected-resource/v1/organizations/nope/projects/none/runtime/mcp").getString("resource"))
                .endsWith("/organizations/nope/projects/none/runtime/mcp");
        assertThat(http.get("/.well-known/oauth-protected-resource/v1/users/current", null).status()).isEqualTo(404);

        JsonObject server = get("/.well-known/oauth-authorization-server");
        assertThat(server.getString("issuer")).isEqualTo(http.base);
        assertThat(server.getString("authorization_endpoint")).isEqualTo(http.base + "/authorize");
        assertThat(server.getString("token_endpoint")).isEqualTo(http.base + "/v1/oauth/token");
        assertThat(server.getString("registration_endpoint")).isEqualTo(http.base + "/v1/oauth/register");
        assertThat(server.getJsonArray("code_challenge_methods_supported").getString(0)).isEqualTo("S256");
        assertThat(server.getBoolean("client_id_metadata_document_supported")).isTrue();
        assertThat(server.getJsonArray("token_endpoint_auth_methods_supported").getString(0)).isEqualTo("none");
    }

    @Test
    void aRegisteredClientGetsAReadOnlyTokenForTheProjectAndRenewsItUntilItIsRevoked() {
        Client client = Client.of(register("Claude Test " + UUID.randomUUID()).getString("client_id"));
        Portal alice = signedIn("alice");

        Portal.Page consent = alice.get(authorizeUrl(client, REDIRECT, http.base + SALES));
        assertThat(consent.status()).as(consent.html()).isEqualTo(200);
        assertThat(consent.html()).contains("Claude Test").contains("registering itself with this server").contains("127.0.0.1")
                .contains("acme/sales").contains("a program on your own computer");
        Map<String, String> answer = approve(alice, consent);
        assertThat(answer.get("state")).isEqualTo(client.state());
        assertThat(answer.get("iss")).isEqualTo(http.base);

        JsonObject tokens = token(Map.of("grant_type", "authorization_code", "code", answer.get("code"), "client_id", client.id(),
                "redirect_uri", REDIRECT, "code_verifier", client.verifier(), "resource", http.base + SALES));
        assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
        assertThat(tokens.getInt("expires_in")).isEqualTo(3600);
        String access = tokens.getString("access_token");
        assertThat(access).startsWith("rill_usr_");
        assertThat(mcp(SALES, access).status()).isEqualTo(200);
        // Restricted to the project it was asked for, and read-only by default.
        assertThat(mcp(OPS, access).status()).isEqualTo(403);
        assertThat(http.post("/v1/users/current/tokens", access, "{\"displayName\":\"x\",\"projects\":[\"acme/sales\"]}").status())
                .isEqualTo(403);
        JsonObject listed = listed(access, "Claude Test");
        assertThat(listed.getJsonArray("projects").getString(0)).isEqualTo("acme/sales");
        assertThat(listed.getBoolean("readOnly")).isTrue();

        JsonObject renewed = token(Map.of("grant_type", "refresh_token", "refresh_token", tokens.getString("refresh_token"),
                "client_id", client.id(), "resource", http.base + SALES));
        String next = renewed.getString("access_token");
        assertThat(next).isNotEqualTo(access).startsWith(access.substring(0, 19));
        assertThat(mcp(SALES, access).status()).as("the renewed-away secret").isEqualTo(401);
        assertThat(mcp(SALES, next).status()).isEqualTo(200);
        assertThat(renewed.getString("refresh_token")).isNotEqualTo(tokens.getString("refresh_token"));

        String fullAlice = http.probe("user?email=alice@acme.example").raw().body();
        // Its client renews it; a rotated copy would be a second token the client never sees.
        Http.Answer rotated = http.post("/v1/users/-/tokens/" + listed.getString("id") + "/rotate", fullAlice, "{}");
        assertThat(rotated.status()).as(rotated.raw().body()).isEqualTo(409);
        assertThat(rotated.json().getString("message")).contains("connected with OAuth").contains("revoke it");
        assertThat(mcp(SALES, next).status()).as("still works after the refused rotation").isEqualTo(200);
        assertThat(http.delete("/v1/users/-/tokens/" + listed.getString("id"), fullAlice).status()).isEqualTo(200);
        assertThat(mcp(SALES, next).status()).isEqualTo(401);
        Http.Answer afterRevoke = tokenAnswer(Map.of("grant_type", "refresh_token", "refresh_token", renewed.getString("refresh_token"),
                "client_id", client.id()));
        assertThat(afterRevoke.status()).isEqualTo(400);
        assertThat(afterRevoke.json().getString("error")).isEqualTo("invalid_grant");
    }

    @Test
    void aSpentRefreshTokenPresentedAgainRevokesTheToken() {
        Client client = Client.of(register("Replay Test").getString("client_id"));
        JsonObject tokens = fullFlow(client, SALES, "alice");
        JsonObject renewed = token(Map.of("grant_type", "refresh_token", "refresh_token", tokens.getString("refresh_token"),
                "client_id", client.id()));
        Http.Answer replay = tokenAnswer(Map.of("grant_type", "refresh_token", "refresh_token", tokens.getString("refresh_token"),
                "client_id", client.id()));
        assertThat(replay.json().getString("error")).isEqualTo("invalid_grant");
        assertThat(mcp(SALES, renewed.getString("access_token")).status()).isEqualTo(401);
    }

    @Test
    void aClientMetadataDocumentIdentifiesAClientWithoutRegistration() {
        String documentUrl = "http://127.0.0.1:" + documents.getAddress().getPort() + "/client.json";
        Client client = Client.of(documentUrl);
        Portal alice = signedIn("alice");
        Portal.Page consent = alice.get(authorizeUrl(client, REDIRECT, http.base + SALES));
        assertThat(consent.html()).contains("Document Assistant").contains("its metadata document at 127.0.0.1");
        Map<String, String> answer = query(alice.submit(consent.form("consent").uncheck("Read-only").press("Approve")).location());
        JsonObject tokens = token(Map.of("grant_type", "authorization_code", "code", answer.get("code"), "client_id", documentUrl,
                "redirect_uri", REDIRECT, "code_verifier", client.verifier()));
        assertThat(mcp(SALES, tokens.getString("access_token")).status()).isEqualTo(200);
        JsonObject listed = listed(http.probe("user?email=alice@acme.example").raw().body(), "Document Assistant");
        assertThat(listed.getBoolean("readOnly")).as("read-only was unticked").isFalse();
        assertThat(http.post("/v1/users/current/tokens", tokens.getString("access_token"),
                "{\"displayName\":\"child\",\"projects\":[\"acme/sales\"]}").status()).isEqualTo(201);

        // A document that names another client_id than its own URL is nobody.
        String impostor = "http://127.0.0.1:" + documents.getAddress().getPort() + "/impostor.json";
        Portal.Page refused = alice.get(authorizeUrl(Client.of(impostor), "http://127.0.0.1:1/cb", http.base + SALES));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.html()).contains("must name exactly that URL as its client_id").doesNotContain("Approve");
    }

    @Test
    void signingInFirstComesBackToTheConsentPage() {
        Client client = Client.of(register("Later Sign-in").getString("client_id"));
        Portal portal = new Portal(http.base);
        String url = authorizeUrl(client, REDIRECT, http.base + SALES);
        Portal.Page toLogin = portal.get(url);
        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.location()).contains("/login");
        Portal.Page signedIn = portal.submit(portal.get("/login").form("signin").fill("Email", Demo.email("bob"))
                .fill("Password", Demo.password("bob")).press("Sign in"));
        assertThat(signedIn.location()).isEqualTo(http.base + url);
        Portal.Page consent = portal.get(signedIn.location());
        assertThat(consent.html()).contains("Later Sign-in").contains("bob@acme.example");
        Portal.Page denied = portal.submit(consent.form("consent").press("Deny"));
        Map<String, String> answer = query(denied.location());
        assertThat(answer.get("error")).isEqualTo("access_denied");
        assertThat(answer.get("state")).isEqualTo(client.state());
    }

    @Test
    void codesAreBoundToTheirVerifierClientAndRedirectAndWorkOnce() {
        Client client = Client.of(register("Strict Test").getString("client_id"));
        Portal alice = signedIn("alice");

        Map<String, String> first = approve(alice, alice.get(authorizeUrl(client, REDIRECT, http.base + SALES)));
        Http.Answer wrongVerifier = tokenAnswer(Map.of("grant_type", "authorization_code", "code", first.get("code"),
                "client_id", client.id(), "redirect_uri", REDIRECT, "code_verifier", Client.of("x").verifier()));
        assertThat(wrongVerifier.status()).isEqualTo(400);
        assertThat(wrongVerifier.json().getString("error")).isEqualTo("invalid_grant");
        Http.Answer otherRedirect = tokenAnswer(Map.of("grant_type", "authorization_code", "code", first.get("code"),
                "client_id", client.id(), "redirect_uri", "http://127.0.0.1:53682/other", "code_verifier", client.verifier()));
        assertThat(otherRedirect.json().getString("error")).isEqualTo("invalid_grant");

        JsonObject tokens = token(Map.of("grant_type", "authorization_code", "code", first.get("code"), "client_id", client.id(),
                "redirect_uri", REDIRECT, "code_verifier", client.verifier()));
        assertThat(mcp(SALES, tokens.getString("access_token")).status()).isEqualTo(200);
        Http.Answer reused = tokenAnswer(Map.of("grant_type", "authorization_code", "code", first.get("code"),
                "client_id", client.id(), "redirect_uri", REDIRECT, "code_verifier", client.verifier()));
        assertThat(reused.json().getString("error")).isEqualTo("invalid_grant");
        assertThat(mcp(SALES, tokens.getString("access_token")).status()).as("a replayed code revokes its token").isEqualTo(401);

        // A loopback client may come back on another port (RFC 8252), but never to another path or host.
        Portal.Page otherPort = alice.get(authorizeUrl(client, "http://127.0.0.1:40001/callback", http.base + SALES));
        assertThat(otherPort.html()).contains("Approve");
        Portal.Page otherPath = alice.get(authorizeUrl(client, "http://127.0.0.1:53682/elsewhere", http.base + SALES));
        assertThat(otherPath.status()).isEqualTo(200);
        assertThat(otherPath.location()).isNull();
        assertThat(otherPath.html()).contains("is not one that Strict Test registered").doesNotContain("Approve");
    }

    @Test
    void requestsWithoutPkceOrForAnotherServerAreAnsweredAtTheRedirectUri() {
        Client client = Client.of(register("Sloppy Test").getString("client_id"));
        Portal alice = signedIn("alice");
        String noPkce = "/authorize?" + form(Map.of("response_type", "code", "client_id", client.id(), "redirect_uri", REDIRECT,
                "state", client.state(), "resource", http.base + SALES));
        Map<String, String> answer = query(alice.get(noPkce).location());
        assertThat(answer.get("error")).isEqualTo("invalid_request");
        assertThat(answer.get("state")).isEqualTo(client.state());
        Map<String, String> elsewhere = query(alice.get(authorizeUrl(client, REDIRECT, "https://other.example/mcp")).location());
        assertThat(elsewhere.get("error")).isEqualTo("invalid_target");
        assertThat(alice.get(authorizeUrl(Client.of("rill-client-unknown"), REDIRECT, http.base + SALES)).html())
                .contains("Unknown client_id");
    }

    @Test
    void aTokenForOneProjectIsRefusedByAnother() {
        Client client = Client.of(register("Two Projects").getString("client_id"));
        String opsToken = fullFlow(client, OPS, "alice").getString("access_token");
        assertThat(mcp(OPS, opsToken).status()).isEqualTo(200);
        Http.Answer onSales = mcp(SALES, opsToken);
        assertThat(onSales.status()).isEqualTo(403);
        assertThat(onSales.raw().body()).contains("acme/ops");
        assertThat(http.get("/v1/organizations/acme/projects/sales/runtime/api/openapi", opsToken).status()).isEqualTo(403);
    }

    @Test
    void anOrganizationsEndpointGetsATokenForTheProjectsThePersonCanQueryThere() {
        String acme = "/v1/organizations/acme/mcp";
        Client client = Client.of(register("Org Assistant").getString("client_id"));
        Portal alice = signedIn("alice");
        Portal.Page consent = alice.get(authorizeUrl(client, REDIRECT, http.base + acme));
        assertThat(consent.html()).contains("the projects of acme").contains("acme/ops").contains("acme/sales");
        Map<String, String> answer = approve(alice, consent);
        JsonObject tokens = token(Map.of("grant_type", "authorization_code", "code", answer.get("code"), "client_id", client.id(),
                "redirect_uri", REDIRECT, "code_verifier", client.verifier(), "resource", http.base + acme));
        String access = tokens.getString("access_token");
        assertThat(mcp(acme, access).status()).isEqualTo(200);
        assertThat(listed(access, "Org Assistant").getJsonArray("projects").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("acme/ops", "acme/sales");
        // bob reaches only sales in acme: that is all his token gets.
        JsonObject bobs = fullFlow(Client.of(register("Org Assistant").getString("client_id")), acme, "bob");
        assertThat(listed(bobs.getString("access_token"), "Org Assistant").getJsonArray("projects").getString(0)).isEqualTo("acme/sales");
    }

    @Test
    void registrationRefusesWhatIsNotAPublicClientAndLimitsEachAddress() {
        Http.Answer foreignHttp = http.post("/v1/oauth/register", null,
                "{\"client_name\":\"x\",\"redirect_uris\":[\"http://evil.example/cb\"]}");
        assertThat(foreignHttp.status()).isEqualTo(400);
        assertThat(foreignHttp.json().getString("error")).isEqualTo("invalid_redirect_uri");
        assertThat(http.post("/v1/oauth/register", null, "{\"client_name\":\"x\"}").json().getString("error"))
                .isEqualTo("invalid_redirect_uri");
        assertThat(http.post("/v1/oauth/register", null, "not json").json().getString("error")).isEqualTo("invalid_client_metadata");
        String huge = "{\"client_name\":\"" + "x".repeat(20_000) + "\",\"redirect_uris\":[\"" + REDIRECT + "\"]}";
        // Refused before it is read, as every OAuth endpoint's oversized body (RILL_DEVICE_MAX_FORM_BYTES).
        assertThat(http.post("/v1/oauth/register", null, huge).status()).isEqualTo(413);

        int registered = 0;
        Http.Answer answer;
        try {
            while ((answer = http.post("/v1/oauth/register", null,
                    "{\"client_name\":\"abuse test\",\"redirect_uris\":[\"" + REDIRECT + "\"]}")).status() == 201) {
                registered++;
                assertThat(registered).as("registrations before the limit").isLessThanOrEqualTo(20);
            }
            assertThat(answer.status()).isEqualTo(429);
            assertThat(answer.json().getString("error")).isEqualTo("temporarily_unavailable");
        } finally {
            http.probe("sql?update=" + URLEncoder.encode("DELETE FROM oauth_clients WHERE client_name = 'abuse test'",
                    StandardCharsets.UTF_8));
        }
    }

    @Test
    void theDeviceLoginStillCollectsItsTokenAtTheSameEndpoint() {
        Http.Answer unknownGrant = tokenAnswer(Map.of("grant_type", "password", "client_id", "rill-cli"));
        assertThat(unknownGrant.json().getString("error")).isEqualTo("unsupported_grant_type");
        Http.Answer pending = tokenAnswer(Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", "unknown", "client_id", "rill-cli"));
        assertThat(pending.json().getString("error")).isEqualTo("invalid_grant");
    }

    // --- a client's steps ---

    private JsonObject register(String name) {
        Http.Answer answer = http.post("/v1/oauth/register", null, "{\"client_name\":" + Http.quote(name)
                + ",\"redirect_uris\":[\"" + REDIRECT + "\"],\"grant_types\":[\"authorization_code\",\"refresh_token\"],"
                + "\"token_endpoint_auth_method\":\"none\"}");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        assertThat(answer.json().getString("token_endpoint_auth_method")).isEqualTo("none");
        return answer.json();
    }

    private JsonObject fullFlow(Client client, String endpoint, String user) {
        Portal portal = signedIn(user);
        Map<String, String> answer = approve(portal, portal.get(authorizeUrl(client, REDIRECT, http.base + endpoint)));
        return token(Map.of("grant_type", "authorization_code", "code", answer.get("code"), "client_id", client.id(),
                "redirect_uri", REDIRECT, "code_verifier", client.verifier(), "resource", http.base + endpoint));
    }

    private Portal signedIn(String user) {
        Portal portal = new Portal(http.base);
        Portal.Page page = portal.submit(portal.get("/login").form("signin").fill("Email", Demo.email(user))
                .fill("Password", Demo.password(user)).press("Sign in"));
        assertThat(page.status()).as(page.html()).isEqualTo(302);
        return portal;
    }

    private static String authorizeUrl(Client client, String redirect, String resource) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client.id());
        query.put("redirect_uri", redirect);
        query.put("code_challenge", client.challenge());
        query.put("code_challenge_method", "S256");
        query.put("state", client.state());
        query.put("resource", resource);
        return "/authorize?" + form(query);
    }

    /** Presses Approve and answers the query of the redirect that follows. */
    private static Map<String, String> approve(Portal portal, Portal.Page consent) {
        assertThat(consent.status()).as(consent.html()).isEqualTo(200);
        Portal.Page approved = portal.submit(consent.form("consent").press("Approve"));
        assertThat(approved.status()).as(approved.html()).isEqualTo(302);
        assertThat(approved.location()).startsWith("http://127.0.0.1:");
        return query(approved.location());
    }

    private JsonObject token(Map<String, String> parameters) {
        Http.Answer answer = tokenAnswer(parameters);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer.json();
    }

    private Http.Answer tokenAnswer(Map<String, String> parameters) {
        return http.send(http.request("/v1/oauth/token", null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))));
    }

    private JsonObject get(String path) {
        Http.Answer answer = http.get(path, null);
        assertThat(answer.status()).as(path + ": " + answer.raw().body()).isEqualTo(200);
        assertThat(answer.header("Access-Control-Allow-Origin")).isEqualTo("*");
        return answer.json();
    }

    private Http.Answer mcp(String path, String token) {
        return http.send(http.request(path, token).header("Accept", "application/json, text/event-stream")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TOOLS_LIST)));
    }

    /** The listed token of the caller whose display name starts with {@code name}. */
    private JsonObject listed(String token, String name) {
        return http.get("/v1/users/current/tokens", token).json().getJsonArray("tokens").getValuesAs(JsonObject.class).stream()
                .filter(info -> info.getString("displayName").startsWith(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no token named " + name));
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String location) {
        assertThat(location).isNotNull();
        String query = URI.create(location).getRawQuery();
        return Arrays.stream(query.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8), pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }
}
