package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a stranger (or a careless script) can send, against every endpoint that takes input: bodies too big,
 * cut off, deep, odd numbers, bad encodings, misspelt parameters, forged view state, floods of device logins.
 * Every answer is a clean 4xx, the heap stays flat and the log stays short. The slow-sender case is
 * bench/slow-senders.sh (it needs minutes and hundreds of connections).
 */
@ExtendWith(TestServer.class)
class HostileInputIT {

    private static final String TOKENS = "/v1/users/current/tokens";
    private static final String SALES_API = "/v1/organizations/acme/projects/sales/runtime/api/";
    private static final String SALES_MCP = "/v1/organizations/acme/projects/sales/runtime/mcp";
    private static final long HUGE = 200L * 1024 * 1024;
    private static final long HEAP_SLACK = 64L * 1024 * 1024;

    Http http;
    RawHttp raw;

    @BeforeEach
    void connect(Http server) {
        http = server;
        raw = new RawHttp(java.net.URI.create(http.base).getPort());
        forgetDeviceLoginStarts();
    }

    @AfterEach
    void forgetDeviceLoginStarts() {
        http.probe("sql?update=DELETE%20FROM%20rate_limit_buckets");
    }

    private String newUser(String name) {
        Http.Answer answer = http.probe("user?email=" + name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example");
        assertThat(answer.status()).isEqualTo(200);
        return answer.raw().body();
    }

    private long heap() {
        return Long.parseLong(send("/__hostile/heap").raw().body());
    }

    private Http.Answer send(String path) {
        return http.send(HttpRequest.newBuilder(java.net.URI.create(http.base + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Every endpoint that takes a body: request line and headers, the kind of refusal it gives. */
    private List<String> bodyEndpoints(String token, String session) {
        String bearer = "\r\nAuthorization: Bearer " + token;
        String cookie = "\r\nCookie: JSESSIONID=" + session;
        String json = "\r\nContent-Type: application/json";
        String form = "\r\nContent-Type: application/x-www-form-urlencoded";
        return List.of(
                "POST " + TOKENS + " HTTP/1.1" + bearer + json,
                "POST " + SALES_API + "recent_orders HTTP/1.1" + bearer + json,
                "POST " + SALES_MCP + " HTTP/1.1" + bearer + json + "\r\nAccept: application/json, text/event-stream",
                "POST /v1/oauth/device_authorization HTTP/1.1" + form,
                "POST /v1/oauth/token HTTP/1.1" + form,
                "POST /login HTTP/1.1" + form,
                "POST / HTTP/1.1" + form + cookie,
                "POST /v1/oauth/register HTTP/1.1" + json);
    }

    @Test
    void bodiesOverTheLimitAreRefusedBeforeTheyAreRead() throws IOException {
        String token = newUser("huge");
        String session = signIn("erin@acme.example", "demo-erin").sessionCookie().orElseThrow();
        List<String> endpoints = bodyEndpoints(token, session);
        long before = heap();
        for (String endpoint : endpoints) {
            // 200 MB declared, 64 KiB sent: an answer at all proves the rest was never waited for.
            RawHttp.Answer answer = raw.send(endpoint + "\r\nContent-Length: " + HUGE, 65_536);
            assertThat(answer.status()).as(endpoint).isEqualTo(413);
            assertThat(answer.header("Connection")).as(endpoint).isEqualToIgnoringCase("close");
            if (endpoint.contains("/v1/")) {
                JsonObject body = json(answer.body());
                assertThat(body.toString()).as(endpoint).contains("larger than");
                assertThat(endpoint.contains("/mcp") ? body.getJsonObject("error").getInt("code") : body.getString("code"))
                        .as(endpoint).isIn(-32600, "payload_too_large");
            } else {
                assertThat(answer.body()).as(endpoint).contains("larger than");
            }
        }
        // Chunked: cut off at the limit while reading, answered, and the connection closed rather than drained.
        for (String endpoint : List.of(endpoints.get(0), endpoints.get(1), endpoints.get(3))) {
            RawHttp.Answer chunked = raw.chunked(endpoint, 10L * 1024 * 1024);
            assertThat(chunked.status()).as(endpoint).isEqualTo(413);
            assertThat(chunked.header("Connection")).as(endpoint).isEqualToIgnoringCase("close");
        }
        RawHttp.Answer chunkedPortal = raw.chunked(endpoints.get(5), 10L * 1024 * 1024);
        assertThat(chunkedPortal.status()).isEqualTo(411);
        assertThat(heap() - before).isLessThan(HEAP_SLACK);
        assertThat(http.get("/v1/users/current", token).status()).isEqualTo(200);
    }

    @Test
    void aBodyBrokenOffLogsAtMostOneShortLine() throws IOException {
        String token = newUser("cut");
        assertThat(send("/__hostile/log-start").status()).isEqualTo(200);
        for (int i = 0; i < 20; i++) {
            raw.breakOff("POST /v1/oauth/device_authorization HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded", 100_000, 2);
            raw.breakOff("POST " + TOKENS + " HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json", 100_000, 2);
        }
        // The server notices a broken-off body when it next reads; give the last ones that moment.
        sleep(2000);
        String[] logged = send("/__hostile/log-stop").raw().body().split(" ");
        assertThat(Long.parseLong(logged[0])).as("log records").isLessThanOrEqualTo(40);
        assertThat(Long.parseLong(logged[1])).as("characters logged").isLessThanOrEqualTo(40 * 200);
        assertThat(http.get("/v1/users/current", token).status()).isEqualTo(200);
    }

    @Test
    void hugeOddOrDeepJsonIsAFourHundredNamingTheField() {
        String token = newUser("deep");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        List<String[]> cases = List.of(
                new String[] {TOKENS, "{\"displayName\":\"x\",\"ttlMinutes\":1E2147483648}", "ttlMinutes"},
                new String[] {TOKENS, "{\"displayName\":\"x\",\"ttlMinutes\":1E-2147483648}", "ttlMinutes"},
                new String[] {TOKENS, "{\"displayName\":\"x\",\"ttlMinutes\":" + "9".repeat(20_000) + "}", "ttlMinutes"},
                new String[] {TOKENS, "{\"displayName\":" + deep + "}", "displayName"},
                new String[] {TOKENS, "{\"displayName\":\"x\",\"displayName\":\"y\"}", "displayName"},
                new String[] {SALES_API + "revenue_by_product", "{\"year\":1E2147483648}", "year"},
                new String[] {SALES_API + "revenue_by_product", "{\"year\":1E-2147483648}", "year"},
                new String[] {SALES_API + "revenue_by_product", "{\"year\":" + deep + "}", "year"},
                new String[] {SALES_API + "revenue_by_product", "{\"year\":{\"a\":" + deep + "}}", "year"});
        for (String[] c : cases) {
            Http.Answer answer = http.post(c[0], token, c[1]);
            assertThat(answer.status()).as(c[1].substring(0, Math.min(60, c[1].length()))).isEqualTo(400);
            assertThat(answer.json().getString("code")).isEqualTo("invalid_argument");
            assertThat(answer.json().getString("field")).as(c[1].substring(0, Math.min(60, c[1].length()))).isEqualTo(c[2]);
        }
        assertThat(http.post(TOKENS, token, "{\"displayName\":\"hundred\",\"ttlMinutes\":1E2}").status()).isEqualTo(201);
        assertThat(http.get(TOKENS, token).json().getJsonArray("tokens")).hasSize(2);
    }

    @Test
    void everyPageCarriesTheFullContentSecurityPolicy() {
        Portal portal = signIn("carol@partner.example", "demo-carol");
        String policy = portal.get("/").header("Content-Security-Policy");
        assertThat(policy).contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'");
        for (String page : List.of("/access", "/activate", "/activate?code=ABCD-EFGH", "/login")) {
            assertThat(portal.get(page).header("Content-Security-Policy")).as(page).isEqualTo(policy);
        }
    }

    @Test
    void unknownQueryParametersAreRefusedAndATypoNeverRevokesEverything() {
        String token = newUser("typo");
        http.post(TOKENS, token, "{\"displayName\":\"ci-a\"}");
        Http.Answer typo = http.delete(TOKENS + "?displayname=ci-a", token);
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.json().getString("field")).isEqualTo("displayname");
        assertThat(typo.json().getString("message")).contains("'displayname'", "displayName");
        assertThat(http.get(TOKENS, token).json().getJsonArray("tokens")).hasSize(2);

        for (String call : List.of(TOKENS + "?pagesize=5", "/v1/users/current?verbose=1", "/v1/health?x=1",
                SALES_API + "openapi?format=yaml")) {
            Http.Answer answer = http.get(call, token);
            assertThat(answer.status()).as(call).isEqualTo(400);
            assertThat(answer.json().getString("field")).as(call).isEqualTo(call.substring(call.indexOf('?') + 1, call.indexOf('=')));
        }
        Http.Answer device = http.send(http.request("/v1/oauth/device_authorization?client=x", null)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("client_id=rill-cli")));
        assertThat(device.status()).isEqualTo(400);
        Http.Answer badFlag = http.delete(TOKENS + "?displayName=ci-a&all=yes", token);
        assertThat(badFlag.json().getString("field")).isEqualTo("all");
        assertThat(http.get(TOKENS, token).json().getJsonArray("tokens")).hasSize(2);
    }

    @Test
    void forgedOrMismatchedViewStateShowsTheExpiredPageAndChangesNothing() throws IOException {
        Portal portal = signIn("dave@acme.example", "demo-dave");
        Portal.Page home = portal.get("/");
        for (String state : List.of("stateless", viewState(portal.get("/access").html()), "-1:-1", "x".repeat(5000))) {
            Portal.Form form = home.form("issue").fill("Display name", "forged " + state.length()).press("Create token")
                    .set("jakarta.faces.ViewState", state);
            Portal.Page page = portal.submit(form);
            assertThat(page.status()).as(state).isEqualTo(200);
            assertThat(page.html()).as(state).contains("This page expired").doesNotContain("Something went wrong");
        }
        assertThat(portal.get("/").html()).doesNotContain("forged ");
        RawHttp.Answer bigLogin = raw.send("POST /login HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + 2_000_000, 2_000_000);
        assertThat(bigLogin.status()).isEqualTo(413);
    }

    @Test
    void deviceLoginStartsAreLimitedPerAddressWithRetryAfter() {
        int started = 0;
        Http.Answer answer;
        do {
            answer = http.send(http.request("/v1/oauth/device_authorization", null).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("client_id=rill-cli&device_name=flood")));
            started++;
        } while (answer.status() == 200 && started < 100);
        assertThat(answer.status()).isEqualTo(429);
        // 20 per address by default (RILL_RATE_DEVICE_LOGIN_PER_ADDRESS); other tests' logins may have used some.
        assertThat(started).isBetween(2, 99);
        assertThat(Integer.parseInt(answer.header("Retry-After"))).isBetween(1, 600);
        assertThat(answer.json().getString("code")).isEqualTo("resource_exhausted");
        assertThat(answer.json().getString("message")).contains("Too many device logins", "try again in");
        forgetDeviceLoginStarts();
        assertThat(http.send(http.request("/v1/oauth/device_authorization", null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=rill-cli"))).status()).isEqualTo(200);
    }

    /** Sizes, depths, numbers, encodings and parameters over every endpoint that takes input: 4xx only, heap flat. */
    @Test
    void theHostileInputMatrixGetsCleanFourHundredsAndAFlatHeap() throws IOException {
        String token = newUser("matrix");
        long before = heap();
        List<String> failures = new ArrayList<>();
        List<String> bodies = List.of("", "{", "[]", "null", "\"x\"", "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                "{\"year\":1e999999999}", "{\"displayName\":\"" + "é".repeat(40_000) + "\"}", "{\"\\ud800\":\"\\udfff\"}",
                "{\"a\":\"\u0000\"}", "\ufeff{}", "x".repeat(60_000));
        for (String body : bodies) {
            for (String path : List.of(TOKENS, SALES_API + "revenue_by_product", SALES_API + "no_such_api")) {
                check(failures, path + " " + abbreviate(body), http.post(path, token, body));
            }
            check(failures, "device " + abbreviate(body), form("/v1/oauth/device_authorization", body));
            check(failures, "token " + abbreviate(body), form("/v1/oauth/token", body));
            check(failures, "register " + abbreviate(body), http.post("/v1/oauth/register", null, body));
        }
        byte[] notUtf8 = {'{', '"', 'd', 'i', 's', 'p', 'l', 'a', 'y', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        check(failures, "invalid UTF-8", http.send(http.request(TOKENS, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(notUtf8))));
        for (String query : List.of("pageSize=-1", "pageSize=1e3", "pageSize=%FF", "pageToken=" + "A".repeat(4000),
                "pageToken=%00", "pageSize=1&pageSize=2", "displayName=x&displayName=y")) {
            check(failures, "GET " + query, http.get(TOKENS + "?" + query, token));
        }
        for (String query : List.of("year=1e999999999", "year=" + "9".repeat(5000), "year=2024&year=2025")) {
            check(failures, "API " + query, http.get(SALES_API + "revenue_by_product?" + query, token));
        }
        for (String query : List.of("year=%E0%A4%A", "year=%", "pageSize=%%31")) {
            RawHttp.Answer answer = raw.send("GET " + SALES_API + "revenue_by_product?" + query + " HTTP/1.1\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close", 0);
            if (answer.status() < 400 || answer.status() >= 500) {
                failures.add("malformed escape " + query + " -> " + answer.status());
            }
        }
        for (String body : List.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
                "{\"jsonrpc\":\"2.0\",\"id\":1E2147483648,\"method\":\"ping\"}", "\u0000")) {
            check(failures, "MCP " + abbreviate(body), http.send(http.request(SALES_MCP, token).header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body))));
        }
        assertThat(failures).isEmpty();
        assertThat(heap() - before).isLessThan(HEAP_SLACK);
        assertThat(http.get(TOKENS, token).json().getJsonArray("tokens")).hasSize(1);
    }

    private Http.Answer form(String path, String body) {
        return http.send(http.request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void check(List<String> failures, String what, Http.Answer answer) {
        boolean clean = answer.status() >= 400 && answer.status() < 500 && answer.raw().body().startsWith("{")
                && !answer.raw().body().contains("Exception");
        if (!clean) {
            failures.add(what + " -> " + answer.status() + " " + abbreviate(answer.raw().body()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…(" + text.length() + ")";
    }

    private Portal signIn(String email, String password) {
        Portal portal = new Portal(http.base);
        Portal.Page page = portal.submit(portal.get("/login").form("signin").fill("Email", email).fill("Password", password).press("Sign in"));
        assertThat(page.status()).isEqualTo(302);
        return portal;
    }

    private static String viewState(String html) {
        java.util.regex.Matcher state = java.util.regex.Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(state.find()).as("a view state on the page").isTrue();
        return state.group(1);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
