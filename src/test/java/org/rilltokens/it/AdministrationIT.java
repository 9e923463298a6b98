package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Administration over REST (SPEC §10): every administrative action tried by a superuser, an org admin,
 * editor, viewer and guest, an outsider and a deactivated account, each with the status it must get; the
 * live effect of role changes on tokens; two admins changing one member at once; bad input; the audit trail.
 * Each run works in organizations of its own, so the demo organization is left as it was.
 */
@ExtendWith(TestServer.class)
class AdministrationIT {

    private static final String ORGS = "/v1/organizations";

    enum Who { SUPERUSER, ADMIN, EDITOR, VIEWER, GUEST, OUTSIDER, DEACTIVATED }

    Http http;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final AtomicInteger serial = new AtomicInteger();
    final Map<Who, String> tokens = new EnumMap<>(Who.class);
    String root;

    @BeforeEach
    void connect(Http server) {
        http = server;
        root = http.probe("superuser?email=root-" + run + "@test.example").raw().body();
    }

    private String email(String who) {
        return who + "-" + run + "@test.example";
    }

    private String user(String who) {
        Http.Answer answer = http.probe("user?password=none&email=" + email(who));
        assertThat(answer.status()).isEqualTo(200);
        return answer.raw().body();
    }

    private String next(String prefix) {
        return prefix + "-" + run + "-" + serial.incrementAndGet();
    }

    /** Does what the test needs as the superuser, which must work. */
    private JsonObject ok(Http.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isBetween(200, 201);
        return answer.json();
    }

    private static String json(String... pairs) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            json.append(i == 0 ? "" : ",").append(Http.quote(pairs[i])).append(':').append(Http.quote(pairs[i + 1]));
        }
        return json.append('}').toString();
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A new organization with the matrix's cast: admin, editor and viewer members, a guest who is viewer of
     * project p1, and the deactivated account as a viewer. The superuser who made it leaves it.
     */
    private String castOrg() {
        String org = next("org");
        ok(http.post(ORGS, root, json("name", org, "displayName", "Matrix " + org)));
        ok(http.post(ORGS + "/" + org + "/members", root, json("email", email("admin"), "role", "admin")));
        ok(http.post(ORGS + "/" + org + "/members", root, json("email", email("editor"), "role", "editor")));
        ok(http.post(ORGS + "/" + org + "/members", root, json("email", email("viewer"), "role", "viewer")));
        ok(http.post(ORGS + "/" + org + "/members", root, json("email", email("deactivated"), "role", "viewer")));
        ok(http.post(ORGS + "/" + org + "/projects", root, json("name", "p1")));
        ok(http.post(ORGS + "/" + org + "/projects/p1/members", root, json("email", email("guest"), "role", "viewer")));
        ok(http.delete(ORGS + "/" + org + "/members/current", root));
        return org;
    }

    private String newMember(String org, String role) {
        String who = next("member");
        user(who);
        ok(http.post(ORGS + "/" + org + "/members", root, json("email", email(who), "role", role)));
        return email(who);
    }

    private void cast() {
        for (Who who : Who.values()) {
            if (who != Who.SUPERUSER) {
                tokens.put(who, user(who.name().toLowerCase()));
            }
        }
        tokens.put(Who.SUPERUSER, root);
    }

    private void deactivate(String email) {
        ok(http.put("/v1/superuser/users/" + path(email), root, "{\"active\": false}"));
    }

    record Action(String name, String expected, Function<String, Http.Answer> attempt) {
    }

    @Test
    void everyAdministrativeActionAnswersEachRoleAsTheRulesSay() {
        cast();
        String org = castOrg();
        deactivate(email("deactivated"));
        String o = ORGS + "/" + org;
        //                                                           SU  AD  ED  VI  GU  OU  DE
        List<Action> actions = List.of(
                new Action("GET org", "200 200 200 200 200 404 401", t -> http.get(o, t)),
                new Action("PUT org (rename)", "200 403 403 403 403 404 401",
                        t -> http.put(o, t, json("displayName", "Renamed " + serial.incrementAndGet()))),
                new Action("DELETE org", "200 403 403 403 403 404 401", t -> http.delete(ORGS + "/" + castOrg(), t)),
                new Action("POST org", "201 403 403 403 403 403 401", t -> http.post(ORGS, t, json("name", next("new")))),
                new Action("GET projects", "200 200 200 200 200 404 401", t -> http.get(o + "/projects", t)),
                new Action("POST project", "201 201 201 403 403 404 401", t -> http.post(o + "/projects", t, json("name", next("p")))),
                new Action("PUT project p1", "200 200 404 404 403 404 401",
                        t -> http.put(o + "/projects/p1", t, json("description", "changed " + serial.incrementAndGet()))),
                new Action("DELETE project", "200 200 403 404 403 404 401", t -> http.delete(o + "/projects/" + sharedProject(org), t)),
                new Action("GET members", "200 200 200 200 403 404 401", t -> http.get(o + "/members", t)),
                new Action("POST member viewer", "201 201 201 403 403 404 401", t -> http.post(o + "/members", t,
                        json("email", email(newUser()), "role", "viewer"))),
                new Action("POST member admin", "201 201 403 403 403 404 401", t -> http.post(o + "/members", t,
                        json("email", email(newUser()), "role", "admin"))),
                new Action("POST member invite", "201 201 201 403 403 404 401", t -> http.post(o + "/members", t,
                        json("email", next("nobody") + "@test.example", "role", "viewer"))),
                new Action("PUT member role", "200 200 200 403 403 404 401", t -> http.put(o + "/members/" + path(newMember(org, "viewer")),
                        t, json("role", "editor"))),
                new Action("PUT member admin", "200 200 403 403 403 404 401", t -> http.put(o + "/members/"
                        + path(newMember(org, "viewer")), t, json("role", "admin"))),
                new Action("DELETE member", "200 200 200 403 403 404 401", t -> http.delete(o + "/members/"
                        + path(newMember(org, "viewer")), t)),
                new Action("DELETE member admin", "200 200 403 403 403 404 401", t -> http.delete(o + "/members/"
                        + path(newMember(org, "admin")), t)),
                new Action("PUT attributes", "200 200 403 403 403 404 401", t -> http.put(o + "/members/"
                        + path(newMember(org, "viewer")) + "/attributes", t, "{\"attributes\": {\"region\": \"EMEA\"}}")),
                new Action("DELETE members/current", "400 409 200 200 200 404 401", t -> http.delete(ORGS + "/" + castOrg() + "/members/current", t)),
                new Action("GET invites", "200 200 200 200 403 404 401", t -> http.get(o + "/invites", t)),
                new Action("DELETE invite", "200 200 200 403 403 404 401", t -> http.delete(o + "/invites/" + path(invite(org)), t)),
                new Action("GET usergroups", "200 200 200 200 403 404 401", t -> http.get(o + "/usergroups", t)),
                new Action("POST usergroup", "201 201 201 403 403 404 401", t -> http.post(o + "/usergroups", t, json("name", next("g")))),
                new Action("PUT usergroup", "200 200 200 403 403 404 401", t -> http.put(o + "/usergroups/" + group(org), t,
                        json("name", next("renamed")))),
                new Action("DELETE usergroup", "200 200 200 403 403 404 401", t -> http.delete(o + "/usergroups/" + group(org), t)),
                new Action("PUT usergroup member", "200 200 200 403 403 404 401", t -> http.put(o + "/usergroups/" + group(org)
                        + "/members/" + path(newMember(org, "viewer")), t, "")),
                new Action("DELETE usergroup member", "200 200 200 403 403 404 401", t -> {
                    String group = group(org);
                    String member = newMember(org, "viewer");
                    ok(http.put(o + "/usergroups/" + group + "/members/" + path(member), root, ""));
                    return http.delete(o + "/usergroups/" + group + "/members/" + path(member), t);
                }),
                new Action("GET project members", "200 200 404 404 403 404 401", t -> http.get(o + "/projects/p1/members", t)),
                new Action("POST project member", "201 201 404 404 403 404 401", t -> http.post(o + "/projects/p1/members", t,
                        json("email", email(newUser()), "role", "viewer"))),
                new Action("PUT project member", "200 200 404 404 403 404 401", t -> http.put(o + "/projects/p1/members/"
                        + path(projectMember(org)), t, json("role", "editor"))),
                new Action("DELETE project member", "200 200 404 404 403 404 401", t -> http.delete(o + "/projects/p1/members/"
                        + path(projectMember(org)), t)),
                new Action("GET project usergroups", "200 200 404 404 403 404 401", t -> http.get(o + "/projects/p1/usergroups", t)),
                new Action("PUT group role", "200 200 404 404 403 404 401", t -> http.put(o + "/projects/p1/usergroups/" + group(org)
                        + "/roles", t, json("role", "viewer"))),
                new Action("DELETE group role", "200 200 404 404 403 404 401", t -> {
                    String group = group(org);
                    ok(http.put(o + "/projects/p1/usergroups/" + group + "/roles", root, json("role", "viewer")));
                    return http.delete(o + "/projects/p1/usergroups/" + group + "/roles", t);
                }),
                new Action("GET audit", "200 200 403 403 403 404 401", t -> http.get(o + "/audit", t)),
                new Action("GET superusers", "200 403 403 403 403 403 401", t -> http.get("/v1/superuser/members", t)),
                new Action("POST superuser", "200 403 403 403 403 403 401", t -> http.post("/v1/superuser/members", t,
                        "{\"email\": " + Http.quote(email(newUser())) + ", \"superuser\": true}")),
                new Action("GET accounts", "200 403 403 403 403 403 401", t -> http.get("/v1/superuser/users", t)),
                new Action("PUT account inactive", "200 403 403 403 403 403 401", t -> http.put("/v1/superuser/users/"
                        + path(email(newUser())), t, "{\"active\": false}")),
                new Action("GET all audit", "200 403 403 403 403 403 401", t -> http.get("/v1/superuser/audit", t)),
                new Action("PUT own display name", "200 200 200 200 200 200 401", t -> http.put("/v1/users/current", t,
                        json("displayName", "Renamed " + serial.incrementAndGet()))));

        List<String> wrong = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (Action action : actions) {
            String[] expected = action.expected().split(" ");
            table.append(String.format("%-26s", action.name()));
            for (Who who : Who.values()) {
                Http.Answer answer = action.attempt().apply(tokens.get(who));
                table.append(' ').append(answer.status());
                if (answer.status() != Integer.parseInt(expected[who.ordinal()])) {
                    wrong.add(action.name() + " as " + who + ": expected " + expected[who.ordinal()] + ", got " + answer.status()
                            + " " + answer.raw().body());
                } else if (answer.status() == 403) {
                    assertThat(answer.json().getString("message")).as(action.name() + " as " + who).contains("you need to be");
                }
            }
            table.append('\n');
        }
        System.out.println("Role matrix (SU AD ED VI GU OU DE):\n" + table);
        assertThat(wrong).isEmpty();
    }

    private String newUser() {
        String who = next("user");
        user(who);
        return who;
    }

    /** A project of {@code org} where the editor is project admin and the guest a viewer: visible to both. */
    private String sharedProject(String org) {
        String project = next("d");
        ok(http.post(ORGS + "/" + org + "/projects", root, json("name", project)));
        ok(http.post(ORGS + "/" + org + "/projects/" + project + "/members", root, json("email", email("editor"), "role", "admin")));
        ok(http.post(ORGS + "/" + org + "/projects/" + project + "/members", root, json("email", email("guest"), "role", "viewer")));
        return project;
    }

    private String invite(String org) {
        String email = next("invitee") + "@test.example";
        ok(http.post(ORGS + "/" + org + "/members", root, json("email", email, "role", "viewer")));
        return email;
    }

    private String group(String org) {
        String group = next("g");
        ok(http.post(ORGS + "/" + org + "/usergroups", root, json("name", group)));
        return group;
    }

    private String projectMember(String org) {
        String email = email(newUser());
        ok(http.post(ORGS + "/" + org + "/projects/p1/members", root, json("email", email, "role", "viewer")));
        return email;
    }

    @Test
    void aRoleGrantedOrTakenAppliesToTheSameTokenOnItsNextRequest() {
        String alice = http.probe("user?email=alice@acme.example").raw().body();
        String person = email(next("live"));
        String token = http.probe("user?email=" + person).raw().body();
        String recent = "/v1/organizations/acme/projects/sales/runtime/api/recent_orders?region=EMEA";
        String revenue = "/v1/organizations/acme/projects/sales/runtime/api/revenue_by_product?year=2024";
        String ops = "/v1/organizations/acme/projects/ops/runtime/api/incidents";
        String acme = ORGS + "/acme";
        assertThat(http.get(recent, token).status()).isEqualTo(404);

        ok(http.post(acme + "/projects/sales/members", alice, json("email", person, "role", "viewer")));
        assertThat(http.get(recent, token).status()).isEqualTo(200);
        assertThat(ok(http.get(ORGS, token)).getJsonArray("organizations").getJsonObject(0).getString("role")).isEqualTo("guest");

        ok(http.put(acme + "/members/" + path(person) + "/attributes", alice, "{\"attributes\": {\"region\": \"AMER\"}}"));
        assertThat(rows(http.get(revenue, token))).isNotEmpty().allSatisfy(row -> assertThat(row.getString("region")).isEqualTo("AMER"));

        ok(http.delete(acme + "/projects/sales/members/" + path(person), alice));
        assertThat(http.get(recent, token).status()).isEqualTo(404);

        String group = next("live");
        ok(http.post(acme + "/members", alice, json("email", person, "role", "viewer")));
        ok(http.post(acme + "/usergroups", alice, json("name", group)));
        ok(http.put(acme + "/usergroups/" + group + "/members/" + path(person), alice, ""));
        assertThat(http.get(recent, token).status()).isEqualTo(404);
        ok(http.put(acme + "/projects/sales/usergroups/" + group + "/roles", alice, json("role", "viewer")));
        assertThat(http.get(recent, token).status()).isEqualTo(200);
        ok(http.delete(acme + "/projects/sales/usergroups/" + group + "/roles", alice));
        assertThat(http.get(recent, token).status()).isEqualTo(404);

        ok(http.put(acme + "/members/" + path(person), alice, json("role", "admin")));
        assertThat(http.get(ops, token).status()).isEqualTo(200);
        ok(http.put(acme + "/members/" + path(person), alice, json("role", "viewer")));
        assertThat(http.get(ops, token).status()).isEqualTo(404);

        ok(http.put(acme + "/projects/sales/usergroups/" + group + "/roles", alice, json("role", "viewer")));
        assertThat(http.get(recent, token).status()).isEqualTo(200);
        ok(http.delete(acme + "/usergroups/" + group + "/members/" + path(person), alice));
        assertThat(http.get(recent, token).status()).as("out of the group that has the role").isEqualTo(404);
        ok(http.put(acme + "/usergroups/" + group + "/members/" + path(person), alice, ""));
        assertThat(http.get(recent, token).status()).as("back in the group").isEqualTo(200);
        ok(http.delete(acme + "/members/" + path(person), alice));
        assertThat(http.get(recent, token).status()).isEqualTo(404);
        assertThat(ok(http.get(ORGS, token)).getJsonArray("organizations")).isEmpty();
        assertThat(http.get("/v1/users/current", token).status()).isEqualTo(200);
        ok(http.delete(acme + "/usergroups/" + group, alice));
    }

    private static List<JsonObject> rows(Http.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return jakarta.json.Json.createReader(new java.io.StringReader(answer.raw().body())).readArray().getValuesAs(JsonObject.class);
    }

    @Test
    void attributesBelongToOneOrganization() {
        String person = email(next("attr"));
        String token = http.probe("user?email=" + person).raw().body();
        String alice = http.probe("user?email=alice@acme.example").raw().body();
        String other = next("other");
        ok(http.post(ORGS, root, json("name", other)));
        ok(http.post(ORGS + "/" + other + "/members", root, json("email", person, "role", "viewer")));
        ok(http.put(ORGS + "/" + other + "/members/" + path(person) + "/attributes", root, "{\"attributes\": {\"region\": \"APAC\"}}"));
        ok(http.post(ORGS + "/acme/projects/sales/members", alice, json("email", person, "role", "viewer")));
        String revenue = "/v1/organizations/acme/projects/sales/runtime/api/revenue_by_product?year=2024";
        try {
            assertThat(rows(http.get(revenue, token))).isEmpty();
            JsonObject members = ok(http.get(ORGS + "/" + other + "/members", root));
            assertThat(members.getJsonArray("members").getValuesAs(JsonObject.class)).filteredOn(m -> m.getString("email").equals(person))
                    .singleElement().satisfies(m -> assertThat(m.getJsonObject("attributes").getString("region")).isEqualTo("APAC"));
            ok(http.put(ORGS + "/acme/members/" + path(person) + "/attributes", alice, "{\"attributes\": {\"region\": \"APAC\"}}"));
            assertThat(rows(http.get(revenue, token))).isNotEmpty().allSatisfy(row -> assertThat(row.getString("region")).isEqualTo("APAC"));
        } finally {
            ok(http.delete(ORGS + "/acme/members/" + path(person), alice));
        }
    }

    @Test
    void aDeactivatedAccountsTokensStopAtOnceAndWorkAgainWhenReactivated() {
        String who = next("sleeper");
        String token = user(who);
        assertThat(http.get("/v1/users/current", token).status()).isEqualTo(200);
        deactivate(email(who));
        assertThat(http.get("/v1/users/current", token).status()).isEqualTo(401);
        ok(http.put("/v1/superuser/users/" + path(email(who)), root, "{\"active\": true}"));
        assertThat(http.get("/v1/users/current", token).status()).isEqualTo(200);
        assertThat(http.put("/v1/superuser/users/" + path("root-" + run + "@test.example"), root, "{\"active\": false}").status())
                .isEqualTo(409);
    }

    @Test
    void aDeactivatedPersonsPortalSessionEndsOnTheirNextRequestWithAMessage() {
        String who = next("signed-in");
        http.probe("user?email=" + email(who));
        Portal portal = new Portal(http.base);
        Portal.Page login = portal.get("/login");
        Portal.Page signedIn = portal.submit(login.form("signin").fill("Email", email(who)).fill("Password", "password-" + email(who))
                .press("Sign in"));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(portal.get("/").status()).isEqualTo(200);

        deactivate(email(who));
        Portal.Page bounced = portal.get("/");
        assertThat(bounced.status()).isEqualTo(302);
        assertThat(bounced.location()).endsWith("/login?session=deactivated");
        assertThat(portal.get(bounced.location()).html()).contains("Your account was deactivated, so you were signed out");

        ok(http.put("/v1/superuser/users/" + path(email(who)), root, "{\"active\": true}"));
        Portal.Page afterReactivation = portal.get("/");
        assertThat(afterReactivation.status()).as("the ended session stays ended").isEqualTo(302);
        assertThat(afterReactivation.location()).contains("/login");
    }

    @Test
    void twoAdminsChangingOneMemberAtOnceEndInOneOfTheTwoStates() throws Exception {
        String org = next("race");
        ok(http.post(ORGS, root, json("name", org)));
        String firstWho = next("first");
        String secondWho = next("second");
        String first = user(firstWho);
        String second = user(secondWho);
        String firstEmail = email(firstWho);
        String secondEmail = email(secondWho);
        ok(http.post(ORGS + "/" + org + "/members", root, json("email", firstEmail, "role", "admin")));
        ok(http.post(ORGS + "/" + org + "/members", root, json("email", secondEmail, "role", "admin")));
        ok(http.delete(ORGS + "/" + org + "/members/current", root));
        List<Integer> statuses = new ArrayList<>();
        for (int round = 0; round < 15; round++) {
            String member = newMember(org, "viewer");
            String url = ORGS + "/" + org + "/members/" + path(member);
            CompletableFuture<Http.Answer> toEditor = CompletableFuture.supplyAsync(() -> http.put(url, first, json("role", "editor")));
            CompletableFuture<Http.Answer> toAdmin = CompletableFuture.supplyAsync(() -> http.put(url, second, json("role", "admin")));
            statuses.add(toEditor.get().status());
            statuses.add(toAdmin.get().status());
            String role = ok(http.get(ORGS + "/" + org + "/members", root)).getJsonArray("members").getValuesAs(JsonObject.class)
                    .stream().filter(m -> m.getString("email").equals(member)).findFirst().orElseThrow().getString("role");
            assertThat(role).isIn("editor", "admin");

            String fresh = next("dup") + "@test.example";
            CompletableFuture<Http.Answer> invite1 = CompletableFuture.supplyAsync(() -> http.post(ORGS + "/" + org + "/members",
                    first, json("email", fresh, "role", "viewer")));
            CompletableFuture<Http.Answer> invite2 = CompletableFuture.supplyAsync(() -> http.post(ORGS + "/" + org + "/members",
                    second, json("email", fresh, "role", "viewer")));
            statuses.add(invite1.get().status());
            statuses.add(invite2.get().status());
        }
        assertThat(statuses).allMatch(status -> status == 200 || status == 201);

        // Two admins demoting each other at once: never both, so the org keeps an admin.
        CompletableFuture<Http.Answer> a = CompletableFuture.supplyAsync(() -> http.put(ORGS + "/" + org + "/members/" + path(secondEmail),
                first, json("role", "viewer")));
        CompletableFuture<Http.Answer> b = CompletableFuture.supplyAsync(() -> http.put(ORGS + "/" + org + "/members/" + path(firstEmail),
                second, json("role", "viewer")));
        List<Integer> demotions = List.of(a.get().status(), b.get().status());
        assertThat(demotions).containsOnly(200, 403).contains(200);
        long admins = ok(http.get(ORGS + "/" + org + "/members", root)).getJsonArray("members")
                .getValuesAs(JsonObject.class).stream().filter(m -> List.of(firstEmail, secondEmail).contains(m.getString("email")))
                .filter(m -> m.getString("role").equals("admin")).count();
        assertThat(admins).isEqualTo(1);
    }

    @Test
    void badInputIsAFourHundredNamingTheField() {
        OrgWithViewer fixture = orgWithViewer("bad");
        String org = fixture.org();
        String o = fixture.path();
        String member = fixture.member();

        assertField(http.post(ORGS, root, json("name", "Upper")), 400, "name");
        assertField(http.post(ORGS, root, json("name", "a/b")), 400, "name");
        assertField(http.post(ORGS, root, json("name", "x".repeat(65))), 400, "name");
        assertField(http.post(ORGS, root, json("name", org)), 409, "name");
        assertField(http.post(ORGS, root, "{\"name\": \"ok\", \"colour\": \"red\"}"), 400, "colour");
        assertField(http.post(o + "/members", root, json("email", "not-an-email", "role", "viewer")), 400, "email");
        assertField(http.post(o + "/members", root, json("email", member, "role", "owner")), 400, "role");
        assertField(http.post(o + "/members", root, json("email", member, "role", "viewer")), 409, "email");
        assertField(http.put(o + "/members/" + path("stranger-" + run + "@test.example"), root, json("role", "viewer")), 400, "email");
        assertField(http.delete(o + "/members/" + path(email("root")), root), 409, "email");
        assertField(http.put(o + "/members/" + path(email("root")), root, json("role", "viewer")), 409, "role");
        assertField(http.put(o + "/members/" + path(member) + "/attributes", root, "{\"attributes\": {\"bad name\": \"x\"}}"), 400,
                "attributes");
        assertField(http.put(o + "/members/" + path(member) + "/attributes", root, "{\"attributes\": {\"email\": \"x\"}}"), 400,
                "attributes");
        assertField(http.put(o + "/members/" + path(member) + "/attributes", root,
                "{\"attributes\": {\"long\": \"" + "x".repeat(1025) + "\"}}"), 400, "attributes");
        assertField(http.put(o + "/members/" + path(member) + "/attributes", root, "{\"attributes\": {\"n\": 5}}"), 400, "attributes");
        assertThat(ok(http.put(o + "/members/" + path(member) + "/attributes", root,
                "{\"attributes\": {\"long\": \"" + "x".repeat(1024) + "\"}}")).getJsonObject("attributes").getString("long")).hasSize(1024);
        ok(http.post(o + "/projects", root, json("name", "p")));
        assertField(http.post(o + "/projects", root, json("name", "p")), 409, "name");
        assertField(http.post(o + "/projects", root, "{\"name\": \"q\", \"description\": \"" + "d".repeat(1025) + "\"}"), 400, "description");
        ok(http.post(o + "/usergroups", root, json("name", "g")));
        assertField(http.post(o + "/usergroups", root, json("name", "g")), 409, "name");
        assertField(http.put(o + "/usergroups/g/members/" + path(email(newUser())), root, ""), 400, "email");
        assertField(http.put(o + "/projects/p/usergroups/nope/roles", root, json("role", "viewer")), 400, "group");
        assertField(http.put(o + "/projects/p/usergroups/g/roles", root, json("role", "guest")), 400, "role");
        assertField(http.delete(o + "/invites/" + path("nobody-" + run + "@test.example"), root), 400, "email");
        assertField(http.get(o + "/members?pageSize=0", root), 400, "pageSize");
        assertField(http.get(o + "/members?pageToken=%25%25", root), 400, "pageToken");
        assertField(http.put("/v1/users/current/password", root, json("currentPassword", "wrong", "newPassword", "long enough")), 400,
                "currentPassword");
        assertField(http.put("/v1/users/current/password", root, json("currentPassword", "password-" + email("root"),
                "newPassword", "short")), 400, "newPassword");
        assertThat(http.get(o + "/projects/nope", root).status()).isEqualTo(404);
        assertThat(http.put(o + "/usergroups/nope", root, json("name", "x")).status()).isEqualTo(404);
        assertThat(http.get(ORGS + "/nope-" + run, root).status()).isEqualTo(404);
    }

    /** A new organization of the superuser's with one viewer in it. */
    record OrgWithViewer(String org, String path, String member) {
    }

    private OrgWithViewer orgWithViewer(String prefix) {
        String org = next(prefix);
        ok(http.post(ORGS, root, json("name", org)));
        String member = email(newUser());
        ok(http.post(ORGS + "/" + org + "/members", root, json("email", member, "role", "viewer")));
        return new OrgWithViewer(org, ORGS + "/" + org, member);
    }

    private static void assertField(Http.Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.json().getString("field", null)).as(answer.raw().body()).isEqualTo(field);
        assertThat(answer.json().getString("message")).isNotBlank();
    }

    @Test
    void anInvitationIsAOneTimeLinkWhoseSecretIsNeverInAPathOrTheTrail() {
        String org = next("inv");
        ok(http.post(ORGS, root, json("name", org)));
        String email = next("newcomer") + "@test.example";
        JsonObject added = ok(http.post(ORGS + "/" + org + "/members", root, json("email", email, "role", "editor")));
        assertThat(added.getBoolean("pendingSignup")).isTrue();
        String url = added.getJsonObject("invite").getString("url");
        assertThat(url).startsWith(http.base + "/invite#").doesNotContain("?");
        String secret = url.substring(url.indexOf('#') + 1);
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);

        JsonObject renewed = ok(http.post(ORGS + "/" + org + "/projects", root, json("name", "p")));
        assertThat(renewed).isNotNull();
        JsonObject again = ok(http.post(ORGS + "/" + org + "/projects/p/members", root, json("email", email, "role", "viewer")));
        assertThat(again.getJsonObject("invite").getString("url")).isNotEqualTo(url);

        JsonObject invites = ok(http.get(ORGS + "/" + org + "/invites", root));
        JsonObject invite = invites.getJsonArray("invites").getJsonObject(0);
        assertThat(invite.getString("email")).isEqualTo(email);
        assertThat(invite.getString("role")).isEqualTo("editor");
        assertThat(invite.getString("invitedBy")).isEqualTo(email("root"));
        assertThat(invite.getJsonArray("projects").getJsonObject(0).getString("name")).isEqualTo("p");
        assertThat(invites.toString()).doesNotContain(secret);

        String trail = http.get(ORGS + "/" + org + "/audit", root).raw().body();
        assertThat(trail).contains("invite.create").doesNotContain(secret).doesNotContain("/invite#");
        ok(http.delete(ORGS + "/" + org + "/invites/" + path(email), root));
        assertThat(ok(http.get(ORGS + "/" + org + "/invites", root)).getJsonArray("invites")).isEmpty();
    }

    @Test
    void theAuditTrailSaysWhoDidWhatToWhomWhenFromWhereAndThroughWhichSurface() {
        OrgWithViewer fixture = orgWithViewer("audit");
        String org = fixture.org();
        String o = fixture.path();
        String member = fixture.member();
        ok(http.send(http.request(o + "/members/" + path(member), root).header("Content-Type", "application/json")
                .header("User-Agent", "rill-cli/test").PUT(HttpRequest.BodyPublishers.ofString(json("role", "editor")))));
        ok(http.put(o + "/members/" + path(member) + "/attributes", root, "{\"attributes\": {\"region\": \"EMEA\"}}"));
        ok(http.post(o + "/usergroups", root, json("name", "g")));

        // The org's trail also holds its members' token events (issue 15); this test is about the administrative ones.
        http.usageWritten();
        List<JsonObject> all = ok(http.get(o + "/audit", root)).getJsonArray("events").getValuesAs(JsonObject.class);
        List<JsonObject> events = administrative(all);
        assertThat(events).extracting(e -> e.getString("kind")).containsExactly("usergroup.create", "member.attributes", "member.role",
                "member.add", "org.create");
        JsonObject role = events.get(2);
        assertThat(role.getString("actor")).isEqualTo(email("root"));
        assertThat(role.getString("subject")).isEqualTo(member);
        assertThat(role.getString("before")).isEqualTo("viewer");
        assertThat(role.getString("after")).isEqualTo("editor");
        assertThat(role.getString("surface")).isEqualTo("cli");
        assertThat(events.get(1).getString("surface")).isEqualTo("rest");
        assertThat(role.getString("address")).isNotBlank();
        assertThat(role.getString("occurredOn")).endsWith("Z");
        assertThat(role.getString("org")).isEqualTo(org);

        assertThat(ok(http.get(o + "/audit?kind=member", root)).getJsonArray("events")).hasSize(3);
        assertThat(ok(http.get(o + "/audit?kind=member.role", root)).getJsonArray("events")).hasSize(1);
        assertThat(administrative(ok(http.get(o + "/audit?person=" + path(member), root)).getJsonArray("events")
                .getValuesAs(JsonObject.class))).hasSize(3);
        JsonObject page = ok(http.get(o + "/audit?pageSize=4", root));
        assertThat(page.getJsonArray("events")).hasSize(4);
        JsonObject rest = ok(http.get(o + "/audit?pageToken=" + page.getString("nextPageToken"), root));
        assertThat(java.util.stream.Stream.concat(page.getJsonArray("events").getValuesAs(JsonObject.class).stream(),
                rest.getJsonArray("events").getValuesAs(JsonObject.class).stream()).map(e -> e.getString("id")))
                .as("the pages, one after the other, are the whole trail").containsExactlyElementsOf(all.stream()
                        .map(e -> e.getString("id")).toList());
        assertThat(administrative(ok(http.get("/v1/superuser/audit?person=" + path(member), root)).getJsonArray("events")
                .getValuesAs(JsonObject.class))).hasSize(3);
        assertThat(rest.toString()).doesNotContain("password-");
    }

    private static List<JsonObject> administrative(List<JsonObject> events) {
        return events.stream().filter(e -> !e.getString("kind").startsWith("token.") && !e.getString("kind").startsWith("sign-in."))
                .toList();
    }

    @Test
    void superusersCreateOrganizationsAndGrantSuperuserButNeverRemoveTheLastOne() {
        String other = newUser();
        String token = http.probe("user?email=" + email(other)).raw().body();
        assertThat(http.post(ORGS, token, json("name", next("x"))).status()).isEqualTo(403);
        ok(http.post("/v1/superuser/members", root, "{\"email\": " + Http.quote(email(other)) + ", \"superuser\": true}"));
        assertThat(ok(http.get("/v1/users/current", token)).getBoolean("superuser")).isTrue();
        String org = next("made");
        JsonObject created = ok(http.post(ORGS, token, json("name", org, "displayName", "Made by " + other)));
        assertThat(created.getJsonObject("organization").getString("role")).isEqualTo("admin");
        JsonObject details = ok(http.get(ORGS + "/" + org, token));
        assertThat(details.getJsonObject("permissions").getBoolean("manageOrgMembers")).isTrue();
        assertThat(details.getJsonObject("organization").getString("displayName")).isEqualTo("Made by " + other);
        ok(http.post("/v1/superuser/members", root, "{\"email\": " + Http.quote(email(other)) + ", \"superuser\": false}"));
        assertThat(http.post(ORGS, token, json("name", next("x"))).status()).isEqualTo(403);

        List<String> superusers = ok(http.get("/v1/superuser/members", root)).getJsonArray("members").getValuesAs(JsonObject.class)
                .stream().map(m -> m.getString("email")).collect(Collectors.toList());
        assertThat(superusers).contains(email("root"));

        JsonObject renamed = ok(http.put(ORGS + "/" + org, root, json("name", org + "-b")));
        assertThat(renamed.getJsonObject("organization").getString("name")).isEqualTo(org + "-b");
        assertThat(http.get(ORGS + "/" + org, token).status()).isEqualTo(404);
        assertThat(http.get(ORGS + "/" + org + "-b", token).status()).isEqualTo(200);
        ok(http.delete(ORGS + "/" + org + "-b", root));
        assertThat(http.get(ORGS + "/" + org + "-b", token).status()).isEqualTo(404);
    }
}
