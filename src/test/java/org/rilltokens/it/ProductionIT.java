package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Production mode, with servers started by {@code bin/rill-server} as an operator would: two nodes on one
 * PostgreSQL (a node of its own and the shared test server) see each other's revocations at once, a killed node
 * loses nothing it answered for (the other node sees it; for an H2 file, FreshDeploymentIT kills and restarts its
 * node). Runs in the PostgreSQL pass. (A server on an unusable database: UnusableDatabaseIT.)
 */
@EnabledIfSystemProperty(named = "rill.test.database", matches = "postgresql")
@ExtendWith(TestServer.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionIT {

    private static final String TOKENS = "/v1/users/current/tokens";
    private static final String CURRENT = "/v1/users/current";
    private static final Map<String, String> POSTGRES = Map.of("RILL_DB_URL", System.getProperty("rill.test.pg.url", ""),
            "RILL_DB_USER", "rill", "RILL_DB_PASSWORD", "unused");

    /** The second node on the shared test server's database. */
    private static ServerNode a;
    /** The shared test server, on the same PostgreSQL database. */
    private static Http onB;

    private static final String SALES_MEMBERS = "/v1/organizations/acme/projects/sales/members";
    private static final String CAROL_ON_SALES = "{\"email\":\"carol@partner.example\",\"role\":\"viewer\"}";

    /** Alice's token, made on the shared server before node A started. */
    private static String alice;

    /** Node A starts (with RILL_DEMO=true, as every test node) after alice took carol's role on sales away. */
    @BeforeAll
    static void startSecondNode(Http shared) throws Exception {
        onB = shared;
        alice = shared.probe("user?email=alice@acme.example").raw().body();
        Http.Answer taken = shared.delete(SALES_MEMBERS + "/carol%40partner.example", alice);
        assertThat(taken.status()).as(taken.raw().body()).isEqualTo(200);
        a = new ServerNode("node-a", POSTGRES).startAndWait();
    }

    @AfterAll
    static void stopSecondNode() throws Exception {
        try {
            if (alice != null) {
                assertThat(onB.post(SALES_MEMBERS, alice, CAROL_ON_SALES).status()).isIn(201, 409);
            }
        } finally {
            if (a != null) {
                a.close();
            }
        }
    }

    @Test
    @Order(0)
    void aNodeStartedLaterLeavesTheDemoOrganizationAsItsAdminChangedIt() {
        Http onA = a.http();
        String carol = onA.probe("user?email=carol@partner.example").raw().body();
        Http.Answer members = onA.get(SALES_MEMBERS, alice);
        assertThat(members.status()).as(members.raw().body()).isEqualTo(200);
        assertThat(members.json().getJsonArray("members").getValuesAs(JsonObject.class)).extracting(m -> m.getString("email"))
                .doesNotContain("carol@partner.example");
        assertThat(onA.get("/v1/organizations/acme/projects/sales/runtime/api/revenue_by_product?year=2024", carol).status())
                .isEqualTo(404);
        Http.Answer given = onA.post(SALES_MEMBERS, alice, CAROL_ON_SALES);
        assertThat(given.status()).as(given.raw().body()).isEqualTo(201);
        assertThat(onB.get("/v1/organizations/acme/projects/sales/runtime/api/revenue_by_product?year=2024", carol).status())
                .isEqualTo(200);
    }

    @Test
    @Order(1)
    void twoNodesOnOneDatabaseNeverAcceptARevokedTokenOrARemovedRole() throws Exception {
        Http onA = a.http();
        String first = onA.probe("user?email=cluster-" + UUID.randomUUID() + "@test.example").raw().body();

        int staleAccepts = 0;
        for (int i = 0; i < 200; i++) {
            String token = onA.post(TOKENS, first, "{\"displayName\":\"loop " + i + "\"}").json().getString("token");
            assertThat(onB.get("/v1/users/current", token).status()).isEqualTo(200);
            assertThat(onA.delete(TOKENS + "/" + token.substring(0, 19), first).status()).isEqualTo(200);
            if (onB.get("/v1/users/current", token).status() != 401) {
                staleAccepts++;
            }
        }
        System.out.println("Stale accepts after revoke-on-A-then-call-B, 200 rounds: " + staleAccepts);
        assertThat(staleAccepts).isZero();

        String bob = onA.probe("user?email=bob@acme.example").raw().body();
        String api = "/v1/organizations/acme/projects/sales/runtime/api/recent_orders?region=EMEA";
        assertThat(onB.get(api, bob).status()).isEqualTo(200);
        String alice = onA.probe("user?email=alice@acme.example").raw().body();
        String bobInEmea = "/v1/organizations/acme/usergroups/emea/members/bob@acme.example";
        try {
            Http.Answer removed = onA.delete(bobInEmea, alice);
            assertThat(removed.status()).as(removed.raw().body()).isEqualTo(200);
            assertThat(onB.get(api, bob).status()).isEqualTo(404);
        } finally {
            Http.Answer back = onA.put(bobInEmea, alice, "");
            assertThat(back.status()).as(back.raw().body()).isIn(200, 409);
        }
        assertThat(onB.get(api, bob).status()).isEqualTo(200);
    }

    /**
     * Node B remembers the tokens it accepted; each change that ends or narrows one, made on node A, must reach it
     * before A answers. Every token below is used on B twice first, so that B answers from its memory when it can.
     */
    @Test
    @Order(2)
    void everyChangeThatEndsOrNarrowsATokenOnOneNodeReachesTheOtherNodesMemoryBeforeItIsAnswered() throws Exception {
        Http onA = a.http();
        SoftAssertions soft = new SoftAssertions();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String root = onA.probe("superuser?email=cache-root-" + run + "@test.example").raw().body();

        String rotated = person(onA, "rotated-" + run);
        String successor = onA.post("/v1/users/-/tokens/current/rotate", rotated, "{}").json().getString("token");
        soft.assertThat(onB.get(CURRENT, rotated).status()).as("rotated without grace").isEqualTo(401);
        assertThat(onB.get(CURRENT, successor).status()).isEqualTo(200);

        String leaked = person(onA, "leaked-" + run);
        assertThat(onA.send(HttpRequest.newBuilder(URI.create(onA.base + "/v1/credentials/revoke"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"credentials\":[" + Http.quote(leaked) + "]}")))
                .status()).isEqualTo(202);
        soft.assertThat(onB.get(CURRENT, leaked).status()).as("reported leaked").isEqualTo(401);

        String overseen = person(onA, "overseen-" + run);
        String overseenId = onA.get(TOKENS, overseen).json().getJsonArray("tokens").getJsonObject(0).getString("id");
        assertThat(onA.delete("/v1/superuser/tokens/" + overseenId, root).status()).isEqualTo(200);
        soft.assertThat(onB.get(CURRENT, overseen).status()).as("revoked by a superuser").isEqualTo(401);

        String many = person(onA, "many-" + run);
        String second = onA.post(TOKENS, many, "{\"displayName\":\"second\"}").json().getString("token");
        warm(onB, second);
        assertThat(onA.delete(TOKENS, many).status()).isEqualTo(200);
        soft.assertThat(onB.get(CURRENT, many).status()).as("all revoked in one statement").isEqualTo(401);
        soft.assertThat(onB.get(CURRENT, second).status()).as("all revoked in one statement").isEqualTo(401);

        String expired = person(onA, "expired-" + run);
        String expiredId = onA.get(TOKENS, expired).json().getJsonArray("tokens").getJsonObject(0).getString("id");
        assertThat(onA.probe("expire?token=" + expiredId + "&minutesAgo=1").raw().body()).isEqualTo("1");
        soft.assertThat(onB.get(CURRENT, expired).status()).as("expired by hand, the change counted").isEqualTo(401);

        String email = "deactivated-" + run + "@test.example";
        String deactivated = person(onA, "deactivated-" + run);
        assertThat(onA.put("/v1/superuser/users/" + email, root, "{\"active\":false}").status()).isEqualTo(200);
        soft.assertThat(onB.get(CURRENT, deactivated).status()).as("owner deactivated").isEqualTo(401);

        String demoted = onA.probe("superuser?email=demoted-" + run + "@test.example").raw().body();
        warm(onB, demoted);
        assertThat(onB.get("/v1/superuser/members", demoted).status()).isEqualTo(200);
        assertThat(onA.post("/v1/superuser/members", root, "{\"email\":\"demoted-" + run + "@test.example\",\"superuser\":false}")
                .status()).isEqualTo(200);
        soft.assertThat(onB.get("/v1/superuser/members", demoted).status()).as("no longer a superuser").isEqualTo(403);
        soft.assertThat(onB.get(CURRENT, demoted).json().getBoolean("superuser")).isFalse();

        // Narrowed, not ended: what a token reaches in a project, resolved on B (and remembered there) before each change.
        String alice = onA.probe("user?email=alice@acme.example").raw().body();
        String viewer = person(onA, "viewer-" + run);
        String viewerPath = "viewer-" + run + "%40test.example";
        String revenue = "/v1/organizations/acme/projects/sales/runtime/api/revenue_by_product?year=2024";
        assertThat(onA.post("/v1/organizations/acme/projects/sales/members", alice, "{\"email\":\"viewer-" + run
                + "@test.example\",\"role\":\"viewer\"}").status()).isIn(200, 201);
        assertThat(onA.put("/v1/organizations/acme/members/" + viewerPath + "/attributes", alice,
                "{\"attributes\":{\"region\":\"EMEA\"}}").status()).isEqualTo(200);
        assertThat(regions(onB.get(revenue, viewer))).containsOnly("EMEA");
        assertThat(regions(onB.get(revenue, viewer))).containsOnly("EMEA");
        assertThat(onA.put("/v1/organizations/acme/members/" + viewerPath + "/attributes", alice,
                "{\"attributes\":{\"region\":\"APAC\"}}").status()).isEqualTo(200);
        soft.assertThat(regions(onB.get(revenue, viewer))).as("an attribute changed").containsOnly("APAC");
        assertThat(onA.delete("/v1/organizations/acme/projects/sales/members/" + viewerPath, alice).status()).isEqualTo(200);
        soft.assertThat(onB.get(revenue, viewer).status()).as("the project role removed").isEqualTo(404);

        // A token restricted to a project that is deleted reaches nothing, not the next project of that name.
        String org = "cache-" + run;
        assertThat(onA.post("/v1/organizations", root, "{\"name\":\"" + org + "\"}").status()).isEqualTo(201);
        assertThat(onA.post("/v1/organizations/" + org + "/projects", root, "{\"name\":\"p\"}").status()).isEqualTo(201);
        String restricted = onA.post(TOKENS, root, "{\"displayName\":\"only p\",\"projects\":[\"" + org + "/p\"]}").json()
                .getString("token");
        String project = "/v1/organizations/" + org + "/projects/p";
        assertThat(onB.get(project, restricted).json().getJsonObject("permissions").getBoolean("readProjectData")).isTrue();
        assertThat(onB.get(project, restricted).json().getJsonObject("permissions").getBoolean("readProjectData")).isTrue();
        assertThat(onA.delete(project, root).status()).isEqualTo(200);
        assertThat(onA.post("/v1/organizations/" + org + "/projects", root, "{\"name\":\"p\"}").status()).isEqualTo(201);
        soft.assertThat(onB.get(project, restricted).json().getJsonObject("permissions").getBoolean("readProjectData"))
                .as("restricted to the deleted project").isFalse();
        soft.assertThat(onB.get(project, root).json().getJsonObject("permissions").getBoolean("readProjectData"))
                .as("the owner's own access").isTrue();
        soft.assertAll();
    }

    private static Set<String> regions(Http.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return Json.createReader(new StringReader(answer.raw().body())).readArray().getValuesAs(JsonObject.class).stream()
                .map(row -> row.getString("region")).collect(Collectors.toSet());
    }

    /** A new person's first token, already used twice on node B. */
    private static String person(Http onA, String name) {
        return warm(onB, onA.probe("user?email=" + name + "@test.example").raw().body());
    }

    private static String warm(Http node, String token) {
        assertThat(node.get(CURRENT, token).status()).isEqualTo(200);
        assertThat(node.get(CURRENT, token).status()).isEqualTo(200);
        return token;
    }

    @Test
    @Order(3)
    void aKilledNodeKeepsWhatItAnsweredOnPostgresql() throws Exception {
        Http onA = a.http();
        String first = onA.probe("user?email=kill-" + UUID.randomUUID() + "@test.example").raw().body();
        String revoked = onA.post(TOKENS, first, "{\"displayName\":\"to revoke\"}").json().getString("token");
        String issued = onA.post(TOKENS, first, "{\"displayName\":\"survives\"}").json().getString("token");
        assertThat(onA.delete(TOKENS + "/" + revoked.substring(0, 19), first).status()).isEqualTo(200);
        a.kill();

        assertThat(onB.get("/v1/users/current", issued).status()).isEqualTo(200);
        assertThat(onB.get("/v1/users/current", revoked).status()).isEqualTo(401);
        assertThat(onB.get("/v1/users/current", first).status()).isEqualTo(200);
    }
}
