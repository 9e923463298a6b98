package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The token life cycle over real HTTP, as a script author meets it. */
@ExtendWith(TestServer.class)
class TokensApiIT {

    private static final String TOKENS = "/v1/users/current/tokens";

    Http http;

    @BeforeEach
    void connect(Http server) {
        http = server;
    }

    /** A fresh user for each test, so tests never see each other's tokens; returns a first token. */
    private String newUser(String name) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        Http.Answer answer = http.probe("user?email=" + email);
        assertThat(answer.status()).isEqualTo(200);
        return answer.raw().body();
    }

    private JsonObject issue(String token, String name, Long ttl) {
        String body = "{\"displayName\":" + Http.quote(name) + (ttl == null ? "" : ",\"ttlMinutes\":" + ttl) + "}";
        Http.Answer answer = http.post(TOKENS, token, body);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json();
    }

    private List<JsonObject> list(String token) {
        Http.Answer answer = http.get(TOKENS, token);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().getJsonArray("tokens").getValuesAs(JsonObject.class);
    }

    private static void assertRefused(Http.Answer answer, boolean tokenGiven) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer realm=\"rill\"");
        if (tokenGiven) {
            assertThat(answer.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        }
        assertThat(answer.json().getString("code")).isEqualTo("unauthenticated");
    }

    @Test
    void issuedTokenActsAsItsOwnerUntilRevoked() {
        String first = newUser("ivy");
        JsonObject issued = issue(first, "  Local Development  ", 1440L);
        String token = issued.getString("token");
        JsonObject info = issued.getJsonObject("tokenInfo");

        assertThat(token).hasSize(70).startsWith("rill_usr_");
        assertThat(info.getString("prefix")).isEqualTo(token.substring(0, 19));
        assertThat(info.getString("displayName")).isEqualTo("Local Development");
        assertThat(Instant.parse(info.getString("expiresOn")))
                .isEqualTo(Instant.parse(info.getString("createdOn")).plusSeconds(1440 * 60));

        Http.Answer me = http.get("/v1/users/current", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getString("email")).startsWith("ivy-").endsWith("@test.example");
        assertThat(me.json().getBoolean("superuser")).isFalse();

        List<JsonObject> listed = list(token);
        assertThat(listed).extracting(t -> t.getString("displayName")).containsExactly("Local Development", "first");
        assertThat(listed.get(0).toString()).doesNotContain(token.substring(31, 64));

        assertThat(http.delete(TOKENS + "/" + info.getString("prefix"), first).status()).isEqualTo(200);
        assertRefused(http.get("/v1/users/current", token), true);
        assertThat(list(first)).extracting(t -> t.getString("displayName")).containsExactly("first");
    }

    @Test
    void revokeAcceptsEveryKindOfId() {
        String first = newUser("jay");
        JsonObject byUuid = issue(first, "by uuid", null).getJsonObject("tokenInfo");
        String byFull = issue(first, "by full token", null).getString("token");
        String byPrefix = issue(first, "by long prefix", null).getString("token");
        String current = issue(first, "current", null).getString("token");

        assertThat(http.delete(TOKENS + "/" + byUuid.getString("id"), first).status()).isEqualTo(200);
        assertThat(http.delete("/v1/users/-/tokens/" + byFull, first).status()).isEqualTo(200);
        assertThat(http.delete(TOKENS + "/" + byPrefix.substring(0, 40), first).status()).isEqualTo(200);
        assertThat(http.delete("/v1/users/-/tokens/current", current).status()).isEqualTo(200);

        assertRefused(http.get("/v1/users/current", byFull), true);
        assertRefused(http.get("/v1/users/current", byPrefix), true);
        assertRefused(http.get("/v1/users/current", current), true);
        assertThat(list(first)).extracting(t -> t.getString("displayName")).containsExactly("first");

        Http.Answer unknown = http.delete(TOKENS + "/" + UUID.randomUUID(), first);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("code")).isEqualTo("not_found");
        Http.Answer nonsense = http.delete(TOKENS + "/rill_usr_abc", first);
        assertThat(nonsense.status()).isEqualTo(400);
        assertThat(nonsense.json().getString("message")).contains("display id");
    }

    @Test
    void anotherUsersTokenIsNotFoundAndKeepsWorking() {
        String mine = newUser("kim");
        String theirs = newUser("lee");
        JsonObject theirInfo = list(theirs).get(0);

        Http.Answer byId = http.delete(TOKENS + "/" + theirInfo.getString("id"), mine);
        Http.Answer byPrefix = http.delete(TOKENS + "/" + theirInfo.getString("prefix"), mine);
        Http.Answer byToken = http.delete(TOKENS + "/" + theirs, mine);

        assertThat(List.of(byId.status(), byPrefix.status(), byToken.status())).containsOnly(404);
        assertThat(http.get("/v1/users/current", theirs).status()).isEqualTo(200);
        assertThat(http.get("/v1/users/" + UUID.randomUUID(), mine).status()).isEqualTo(404);
        assertThat(http.get("/v1/users/" + UUID.randomUUID() + "/tokens", mine).status()).isEqualTo(404);
    }

    @Test
    void revokeByDisplayNameRefusesToGuessWhenSeveralMatch() {
        String first = newUser("max");
        issue(first, "CI", null);
        issue(first, "CI", 60L);
        issue(first, "Laptop", null);

        Http.Answer none = http.delete(TOKENS + "?displayName=Nothing", first);
        assertThat(none.status()).isEqualTo(404);

        Http.Answer ambiguous = http.delete(TOKENS + "?displayName=CI", first);
        assertThat(ambiguous.status()).isEqualTo(409);
        assertThat(ambiguous.json().getString("code")).isEqualTo("conflict");
        assertThat(ambiguous.json().getJsonArray("tokenIds")).hasSize(2);
        assertThat(list(first)).hasSize(4);

        Http.Answer blank = http.delete(TOKENS + "?displayName=", first);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(list(first)).hasSize(4);

        Http.Answer all = http.delete(TOKENS + "?displayName=CI&all=true", first);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().getInt("tokensRevoked")).isEqualTo(2);
        assertThat(http.delete(TOKENS + "?displayName=Laptop", first).json().getInt("tokensRevoked")).isEqualTo(1);
        assertThat(list(first)).extracting(t -> t.getString("displayName")).containsExactly("first");
    }

    @Test
    void revokeAllEndsEveryTokenOfTheCallerOnly() {
        String first = newUser("ned");
        String second = issue(first, "second", null).getString("token");
        String bystander = newUser("ola");

        Http.Answer all = http.delete(TOKENS, first);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().getInt("tokensRevoked")).isEqualTo(2);
        assertRefused(http.get("/v1/users/current", first), true);
        assertRefused(http.get("/v1/users/current", second), true);
        assertThat(http.get("/v1/users/current", bystander).status()).isEqualTo(200);
    }

    @Test
    void expiredTokensAreRefusedListedForADayThenPurged() {
        String first = newUser("pia");
        JsonObject issued = issue(first, "short lived", 5L);
        String token = issued.getString("token");
        String id = issued.getJsonObject("tokenInfo").getString("id");
        assertThat(http.get("/v1/users/current", token).status()).isEqualTo(200);

        assertThat(http.probe("expire?token=" + id + "&minutesAgo=1").raw().body()).isEqualTo("1");
        assertRefused(http.get("/v1/users/current", token), true);
        assertThat(list(first)).filteredOn(t -> t.getString("id").equals(id))
                .singleElement().satisfies(t -> assertThat(t.getString("status")).isEqualTo("expired"));

        http.probe("expire?token=" + id + "&minutesAgo=" + (25 * 60));
        assertThat(list(first)).extracting(t -> t.getString("id")).doesNotContain(id);
        assertThat(Integer.parseInt(http.probe("purge").raw().body())).isGreaterThanOrEqualTo(1);
        assertThat(http.delete(TOKENS + "/" + id, first).status()).isEqualTo(404);
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void malformedAndTamperedTokensAreRefused() {
        String token = Demo.token(http.base, "erin");
        String secretTampered = token.substring(0, 40) + (token.charAt(40) == 'A' ? 'B' : 'A') + token.substring(41, 64);
        CRC32 crc = new CRC32();
        crc.update(secretTampered.getBytes(StandardCharsets.US_ASCII));
        String reChecksummed = secretTampered + base62(crc.getValue());
        String badChecksum = token.substring(0, 64) + (token.endsWith("0") ? "000001" : "000000");

        assertRefused(http.get("/v1/users/current", null), false);
        assertThat(http.get("/v1/users/current", null).header("WWW-Authenticate")).isEqualTo("Bearer realm=\"rill\"");
        assertRefused(http.get("/v1/users/current", "rill_svc_" + token.substring(9)), true);
        assertRefused(http.get("/v1/users/current", badChecksum), true);
        assertRefused(http.get("/v1/users/current", reChecksummed), true);
        assertRefused(http.get("/v1/users/current", token + "x"), true);
        assertThat(http.get("/v1/users/current", badChecksum).json().getString("message")).contains("malformed");
        assertThat(http.get("/v1/users/current", reChecksummed).json().getString("message")).contains("unknown");

        Http.Answer basic = http.send(http.request("/v1/users/current", null).header("Authorization", "Basic YTpi"));
        assertThat(basic.status()).isEqualTo(401);
        Http.Answer lowercaseScheme = http.send(http.request("/v1/users/current", null).header("Authorization", "bearer " + token));
        assertThat(lowercaseScheme.status()).isEqualTo(200);
        assertThat(http.get("/v1/users/current", token).status()).isEqualTo(200);
        http.delete("/v1/users/-/tokens/current", token);
    }

    /**
     * Payara Micro's own MicroProfile endpoints beside the application are off (server-config/payara-micro): nobody reads
     * the resource model, the JVM's figures or the server's health there; the paths reach the application, which has no
     * such page and sends a stranger to sign in (302), as for any page it does not know.
     */
    @Test
    void theServersOwnOpenApiMetricsAndHealthEndpointsAreNotServed() {
        for (String path : List.of("/openapi", "/metrics", "/health", "/health/ready")) {
            Http.Answer answer = http.get(path, null);
            assertThat(answer.status()).as(path).isIn(302, 404);
            assertThat(answer.raw().body()).as(path).doesNotContain("openapi:", "# TYPE", "\"checks\"");
        }
        assertThat(http.get("/v1/health", null).status()).isEqualTo(200);
    }

    @Test
    void aDeactivatedOwnersTokensStopWorking() {
        String token = newUser("ray");
        String email = http.get("/v1/users/current", token).json().getString("email");
        assertThat(http.probe("deactivate?email=" + email).status()).isEqualTo(200);
        assertRefused(http.get("/v1/users/current", token), true);
    }

    @Test
    void aBurstOfRequestsRecordsLastUseOnce() {
        String token = newUser("sam");
        http.probe("flush");
        long writesBefore = Long.parseLong(http.probe("writes").raw().body());
        AtomicInteger ok = new AtomicInteger();
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            HttpRequest request = http.request("/v1/users/current", token).header("User-Agent", "burst-test/1.0").build();
            inFlight.add(http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
                if (r.statusCode() == 200) {
                    ok.incrementAndGet();
                }
                return r;
            }));
            if (inFlight.size() == 16) {
                inFlight.forEach(CompletableFuture::join);
                inFlight.clear();
            }
        }
        inFlight.forEach(CompletableFuture::join);
        http.probe("flush");

        assertThat(ok.get()).isEqualTo(1000);
        assertThat(Long.parseLong(http.probe("writes").raw().body()) - writesBefore).isEqualTo(1);
        JsonObject info = list(token).get(0);
        assertThat(info.getString("usedIp")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(info.getString("usedUserAgent")).isEqualTo("burst-test/1.0");
        assertThat(info.get("usedOn")).isInstanceOf(JsonString.class);
    }

    @Test
    void listsPageNewestFirstWithoutGapsOrRepeats() {
        String first = newUser("tao");
        for (int i = 1; i <= 5; i++) {
            issue(first, "token " + i, null);
        }
        List<String> names = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String pageToken = null;
        int pages = 0;
        do {
            Http.Answer page = http.get(TOKENS + "?pageSize=2" + (pageToken == null ? "" : "&pageToken=" + pageToken), first);
            assertThat(page.status()).isEqualTo(200);
            for (JsonObject t : page.json().getJsonArray("tokens").getValuesAs(JsonObject.class)) {
                names.add(t.getString("displayName"));
                ids.add(t.getString("id"));
            }
            pageToken = Http.isNull(page.json(), "nextPageToken") ? null : page.json().getString("nextPageToken");
            pages++;
        } while (pageToken != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(names).containsExactly("token 5", "token 4", "token 3", "token 2", "token 1", "first");
        assertThat(ids).hasSize(6);
        assertThat(http.get(TOKENS + "?pageSize=0", first).status()).isEqualTo(400);
        assertThat(http.get(TOKENS + "?pageSize=1001", first).status()).isEqualTo(400);
        assertThat(http.get(TOKENS + "?pageSize=99999999999", first).status()).isEqualTo(400);
        assertThat(http.get(TOKENS + "?pageToken=garbage", first).json().getString("field")).isEqualTo("pageToken");
    }

    @Test
    void badRequestsGetAClearFourHundredNeverAFiveHundred() {
        String token = newUser("uma");
        assertInvalid(http.post(TOKENS, token, "{\"displayName\":"), "not valid JSON");
        assertInvalid(http.post(TOKENS, token, "[]"), "JSON object");
        assertInvalid(http.post(TOKENS, token, "{\"displayName\":\"x\",\"scopes\":[]}"), "Unknown field 'scopes'");
        assertInvalid(http.post(TOKENS, token, "{\"displayName\":42}"), "must be a string");
        assertInvalid(http.post(TOKENS, token, "{\"displayName\":\"x\",\"ttlMinutes\":\"1h\"}"), "whole number");
        assertInvalid(http.post(TOKENS, token, "{\"displayName\":\"x\",\"ttlMinutes\":0}"), "between 1 and 5256000");
        assertInvalid(http.post(TOKENS, token, "{\"displayName\":\"x\",\"ttlMinutes\":5256001}"), "between 1 and 5256000");
        assertInvalid(http.post(TOKENS, token, "{\"displayName\":\"   \"}"), "Display name is required");
        assertInvalid(http.post(TOKENS, token, "{\"displayName\":\"" + "n".repeat(256) + "\"}"), "at most 255");
        assertInvalid(http.post(TOKENS, token, ""), "JSON object body");

        Http.Answer plain = http.send(http.request(TOKENS, token).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(plain.status()).isEqualTo(415);
        assertThat(plain.json().getString("message")).contains("application/json");

        Http.Answer hugeHeader = http.send(http.request("/v1/users/current", null).header("Authorization", "Bearer " + "x".repeat(20_000)));
        assertThat(hugeHeader.status()).isBetween(400, 499);
        Http.Answer unknownPath = http.get("/v1/nothing/here", token);
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.json().getString("code")).isEqualTo("not_found");
        Http.Answer wrongMethod = http.send(http.request("/v1/users/current", token).method("PATCH", HttpRequest.BodyPublishers.noBody()));
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(list(token)).hasSize(1);
    }

    @Test
    void concurrentIssueUseAndRevokeOfOneUsersTokensLoseNothing() throws Exception {
        String first = newUser("vic");
        int threads = 8;
        int rounds = 20;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<List<String>>> results = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                Http own = new Http(http.base);
                List<String> kept = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    Http.Answer issued = own.post(TOKENS, first, "{\"displayName\":\"t" + thread + "-" + r + "\"}");
                    statuses.add(issued.status());
                    String token = issued.json().getString("token");
                    statuses.add(own.get("/v1/users/current", token).status());
                    statuses.add(own.get(TOKENS + "?pageSize=5", first).status());
                    if (r % 2 == 0) {
                        statuses.add(own.delete(TOKENS + "/" + token.substring(0, 19), first).status());
                        statuses.add(own.get("/v1/users/current", token).status());
                    } else {
                        kept.add(issued.json().getJsonObject("tokenInfo").getString("id"));
                    }
                }
                return kept;
            }));
        }
        Set<String> kept = new HashSet<>();
        for (java.util.concurrent.Future<List<String>> result : results) {
            kept.addAll(result.get());
        }
        pool.shutdown();

        assertThat(statuses).doesNotContain(500, 502, 503, 409).containsOnly(200, 201, 401);
        assertThat(kept).hasSize(threads * rounds / 2);
        List<JsonObject> listed = list(first);
        assertThat(listed).hasSize(kept.size() + 1);
        assertThat(listed.stream().map(t -> t.getString("id")).filter(id -> !kept.contains(id))).hasSize(1);
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void theApiNeverRedirectsToTheSignInPage() {
        Http.Answer answer = http.send(HttpRequest.newBuilder(URI.create(http.base + "/v1/users/current/tokens")).GET());
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Location")).isNull();
        assertThat(http.get("/", null).status()).isEqualTo(302);
    }

    private static void assertInvalid(Http.Answer answer, String messagePart) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.json().getString("code")).isEqualTo("invalid_argument");
        assertThat(answer.json().getString("message")).contains(messagePart);
    }

    private static String base62(long value) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = alphabet.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }
}
