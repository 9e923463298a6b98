package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's own address (RILL_PUBLIC_URL) and the proxies it believes (RILL_TRUSTED_PROXIES): the shared test
 * server runs with neither (only loopback names are its own, forwarded headers are anyone's words), a second node
 * with both, as behind a TLS proxy on this machine. The settings do not touch the database: H2 pass only.
 */
@EnabledIfSystemProperty(named = "rill.test.database", matches = "h2")
@ExtendWith(TestServer.class)
class PublicAddressIT {

    private static final String PUBLIC = "https://tokens.example.test";
    private static final String MCP = "/v1/organizations/acme/projects/sales/runtime/mcp";
    private static final String INITIALIZE = """
            {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
             "capabilities": {}, "clientInfo": {"name": "raw", "version": "1"}}}""";

    private static Http shared;
    private static ServerNode proxied;

    /** A response read off a socket: the status line's code and the head, as sent. */
    record Raw(int status, String head) {
        boolean hasHeader(String name) {
            return head.toLowerCase().contains("\r\n" + name.toLowerCase() + ":");
        }
    }

    @BeforeAll
    static void start(Http server) throws Exception {
        shared = server;
        proxied = new ServerNode("public-url", Map.of("RILL_PUBLIC_URL", PUBLIC, "RILL_TRUSTED_PROXIES", "127.0.0.1, ::1",
                "RILL_DB_URL", "jdbc:h2:mem:public;DB_CLOSE_DELAY=-1", "RILL_OAUTH_ALLOW_LOOPBACK_CLIENT_IDS", "false")).startAndWait();
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxied != null) {
            proxied.close();
        }
    }

    @Test
    void withoutAPublicUrlAPageUnderAnotherNameCannotReachMcpEvenWithAMatchingOrigin() throws IOException {
        int port = URI.create(shared.base).getPort();
        // DNS rebinding: evil.example resolves to this machine, and the page's origin matches the Host it sends.
        Raw rebound = raw(port, "evil.example:" + port, "http://evil.example:" + port);
        assertThat(rebound.status()).isEqualTo(403);
        assertThat(raw(port, "evil.example", null).status()).isEqualTo(403);
        // Its own loopback names get as far as asking for a token.
        assertThat(raw(port, "localhost:" + port, null).status()).isEqualTo(401);
        assertThat(raw(port, "127.0.0.1:" + port, "http://127.0.0.1:" + port).status()).isEqualTo(401);
    }

    @Test
    void withAPublicUrlOnlyItsHostIsAnswered() throws IOException {
        Raw refused = raw(proxied.port, "tokens.example.test", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.head()).contains("resource_metadata=\"" + PUBLIC + "/.well-known/oauth-protected-resource" + MCP + "\"");
        assertThat(raw(proxied.port, "tokens.example.test", PUBLIC).status()).isEqualTo(401);
        assertThat(raw(proxied.port, "localhost:" + proxied.port, null).status()).isEqualTo(403);
        assertThat(raw(proxied.port, "tokens.example.test", "http://localhost:" + proxied.port).status()).isEqualTo(403);
    }

    @Test
    void linksUseThePublicUrl() {
        JsonObject grant = devicePost(proxied.http());
        assertThat(grant.getString("verification_uri")).isEqualTo(PUBLIC + "/activate");
        assertThat(grant.getString("verification_uri_complete")).startsWith(PUBLIC + "/activate?code=");

        Portal portal = new Portal(proxied.base(), true);
        String email = "links-" + UUID.randomUUID() + "@acme.example";
        proxied.http().probe("user?email=" + email + "&token=false");
        Portal.Page signedIn = portal.submit(portal.get("/login").form("signin").fill("Email", email)
                .fill("Password", "password-" + email).press("Sign in"));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("JSESSIONID=")
                && cookie.matches("(?i).*;\\s*Secure(;.*|$)"));
        assertThat(portal.get("/").html()).contains(PUBLIC + "/v1/users/current").doesNotContain("localhost");

        assertThat(devicePost(shared).getString("verification_uri")).isEqualTo(shared.base + "/activate");

        JsonObject server = proxied.http().get("/.well-known/oauth-authorization-server", null).json();
        assertThat(server.getString("issuer")).isEqualTo(PUBLIC);
        assertThat(server.getString("authorization_endpoint")).isEqualTo(PUBLIC + "/authorize");
        assertThat(proxied.http().get("/.well-known/oauth-protected-resource" + MCP, null).json().getString("resource"))
                .isEqualTo(PUBLIC + MCP);
        // Without the test-only setting, a client metadata document on this machine is not fetched.
        Portal.Page consent = portal.get("/authorize?response_type=code&client_id=http%3A%2F%2F127.0.0.1%3A1%2Fclient.json"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2Fcb&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                + "&code_challenge_method=S256&resource=" + java.net.URLEncoder.encode(PUBLIC + MCP, StandardCharsets.UTF_8));
        assertThat(consent.html()).contains("must be an https URL").doesNotContain("Approve");
    }

    @Test
    void forwardedHeadersAreBelievedOnlyFromTrustedProxies() {
        String forProxied = proxied.http().probe("user?email=fwd-" + UUID.randomUUID() + "@test.example").raw().body();
        HttpRequest.Builder behindProxy = proxied.http().request("/v1/users/current", forProxied)
                .header("X-Forwarded-For", "198.51.100.99, 203.0.113.7").header("X-Forwarded-Proto", "https");
        Http.Answer viaProxy = proxied.http().send(behindProxy);
        assertThat(viaProxy.status()).isEqualTo(200);
        assertThat(viaProxy.header("Strict-Transport-Security")).isNotNull();
        assertThat(lastUsedIp(proxied.http(), forProxied)).isEqualTo("203.0.113.7");

        String forShared = shared.probe("user?email=fwd-" + UUID.randomUUID() + "@test.example").raw().body();
        Http.Answer direct = shared.send(shared.request("/v1/users/current", forShared)
                .header("X-Forwarded-For", "203.0.113.7").header("X-Forwarded-Proto", "https"));
        assertThat(direct.status()).isEqualTo(200);
        assertThat(direct.header("Strict-Transport-Security")).isNull();
        assertThat(lastUsedIp(shared, forShared)).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    private static String lastUsedIp(Http http, String token) {
        http.usageWritten();
        JsonObject listed = http.get("/v1/users/current/tokens", token).json().getJsonArray("tokens").getJsonObject(0);
        return listed.getString("usedIp");
    }

    private static JsonObject devicePost(Http http) {
        Http.Answer answer = http.send(http.request("/v1/oauth/device_authorization", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=rill-cli&device_name=test")));
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer.json();
    }

    /** An MCP initialize sent over a plain socket, since the JDK's HTTP client will not send a Host of our choosing. */
    private static Raw raw(int port, String host, String origin) throws IOException {
        byte[] body = INITIALIZE.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + MCP + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json, text/event-stream\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            String response = received.toString(StandardCharsets.ISO_8859_1);
            String responseHead = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
            return new Raw(Integer.parseInt(responseHead.split(" ", 3)[1]), responseHead);
        }
    }
}
