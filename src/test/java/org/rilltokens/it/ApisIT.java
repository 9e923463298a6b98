package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Custom APIs called with the demo users' tokens: which rows and columns each one gets, answers that
 * follow role changes on the next call, injection attempts, and project SQL trying to escape its data.
 * Expected rows are computed here from the demo CSV, independently of the server.
 */
@ExtendWith(TestServer.class)
class ApisIT {

    private static final String SALES = "/v1/organizations/acme/projects/sales/runtime/api/";
    private static final String OPS = "/v1/organizations/acme/projects/ops/runtime/api/";
    private static final String BOB_IN_EMEA = "/v1/organizations/acme/usergroups/emea/members/bob@acme.example";
    private static final List<String> USERS = Demo.USERS;
    private static Map<String, String> demoTokens;

    record Order(long id, String date, String region, String country, String product, String domain, long quantity,
            BigDecimal amount) {
    }

    Http http;
    final Map<String, String> tokens = new LinkedHashMap<>();

    @BeforeAll
    static void signIn(Http server) {
        demoTokens = Demo.tokens(server.base);
    }

    @BeforeEach
    void connect(Http server) {
        http = server;
        tokens.putAll(demoTokens);
    }

    @AfterAll
    static void revokeTokens(Http server) {
        Demo.revokeAll(server, demoTokens);
    }

    private static List<Order> orders() throws IOException {
        List<Order> orders = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("server-config/projects/acme/sales/data/orders.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            orders.add(new Order(Long.parseLong(f[0]), f[1], f[2], f[3], f[4], f[5], Long.parseLong(f[6]), new BigDecimal(f[7])));
        }
        return orders;
    }

    /** revenue_by_product for 2024 as a caller who sees the regions {@code visible} admits. */
    private static List<String> revenueByProduct(Predicate<String> visible) throws IOException {
        Map<String, List<Order>> groups = orders().stream().filter(o -> o.date().startsWith("2024"))
                .filter(o -> visible.test(o.region()))
                .collect(Collectors.groupingBy(o -> o.region() + "|" + o.product(), TreeMap::new, Collectors.toList()));
        List<String> rows = new ArrayList<>();
        groups.forEach((key, list) -> rows.add(key + "|" + list.size() + "|" + list.stream().mapToLong(Order::quantity).sum()
                + "|" + list.stream().map(Order::amount).reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros().toPlainString()));
        return rows;
    }

    private static List<String> revenueRows(JsonArray answer) {
        return answer.getValuesAs(JsonObject.class).stream().map(r -> r.getString("region") + "|" + r.getString("product") + "|"
                + r.getJsonNumber("orders").longValue() + "|" + r.getJsonNumber("units").longValue() + "|"
                + r.getJsonNumber("revenue").bigDecimalValue().stripTrailingZeros().toPlainString()).sorted().toList();
    }

    private Http.Answer get(String user, String api, String query) {
        return http.get(SALES + api + (query.isEmpty() ? "" : "?" + query), tokens.get(user));
    }

    private Http.Answer post(String user, String api, String json) {
        return http.post(SALES + api, tokens.get(user), json);
    }

    private static JsonArray rows(Http.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return jakarta.json.Json.createReader(new java.io.StringReader(answer.raw().body())).readArray();
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void eachDemoUserGetsExactlyTheRowsAndColumnsTheirRolesAndAttributesAllow() throws IOException {
        for (boolean viaPost : List.of(false, true)) {
            Map<String, Http.Answer> revenue = new LinkedHashMap<>();
            Map<String, Http.Answer> recent = new LinkedHashMap<>();
            Map<String, Http.Answer> customers = new LinkedHashMap<>();
            for (String user : USERS) {
                revenue.put(user, viaPost ? post(user, "revenue_by_product", "{\"year\": 2024}") : get(user, "revenue_by_product", "year=2024"));
                recent.put(user, viaPost ? post(user, "recent_orders", "{\"region\": \"EMEA\"}") : get(user, "recent_orders", "region=EMEA"));
                customers.put(user, viaPost ? post(user, "customers_by_domain", "{}") : get(user, "customers_by_domain", ""));
            }

            assertThat(revenueRows(rows(revenue.get("alice")))).isEqualTo(revenueByProduct(region -> true));
            assertThat(revenueRows(rows(revenue.get("bob")))).isEqualTo(revenueByProduct("EMEA"::equals)).isNotEmpty();
            assertThat(rows(revenue.get("carol"))).isEmpty();

            List<Order> latestEmea = orders().stream().filter(o -> o.region().equals("EMEA"))
                    .sorted(Comparator.comparing(Order::date).thenComparing(Order::id).reversed()).limit(20).toList();
            JsonArray aliceRecent = rows(recent.get("alice"));
            assertThat(aliceRecent.getValuesAs(JsonObject.class)).extracting(r -> r.getJsonNumber("order_id").longValue())
                    .containsExactlyElementsOf(latestEmea.stream().map(Order::id).toList());
            assertThat(aliceRecent.getJsonObject(0).keySet()).containsExactly("order_id", "order_date", "region", "country",
                    "product", "customer_domain", "quantity", "revenue");
            assertThat(aliceRecent.getJsonObject(0).getJsonNumber("revenue").bigDecimalValue()).isEqualByComparingTo(latestEmea.get(0).amount());
            for (String viewer : List.of("bob", "carol")) {
                JsonArray theirs = rows(recent.get(viewer));
                assertThat(theirs).hasSize(20);
                assertThat(theirs.getJsonObject(0).keySet()).doesNotContain("revenue").contains("order_id", "quantity");
            }

            Map<String, Long> perDomain = orders().stream().collect(Collectors.groupingBy(Order::domain, TreeMap::new, Collectors.counting()));
            for (String staff : List.of("alice", "bob")) {
                assertThat(rows(customers.get(staff)).getValuesAs(JsonObject.class)).extracting(r -> r.getString("customer_domain")
                        + "=" + r.getJsonNumber("orders").longValue())
                        .containsExactlyElementsOf(perDomain.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            }
            assertThat(customers.get("carol").status()).isEqualTo(403);
            assertThat(customers.get("carol").json().getString("code")).isEqualTo("forbidden");

            for (String outsider : List.of("dave", "erin")) {
                for (Http.Answer answer : List.of(revenue.get(outsider), recent.get(outsider), customers.get(outsider))) {
                    assertThat(answer.status()).isEqualTo(404);
                    assertThat(answer.json().getString("message")).contains("acme/sales").doesNotContain("orders");
                }
            }
        }
    }

    @Test
    void theSameTokensNextAnswerFollowsRoleGroupAndAttributeChanges() throws IOException {
        try {
            assertThat(revenueRows(rows(get("bob", "revenue_by_product", "year=2024")))).isEqualTo(revenueByProduct("EMEA"::equals));

            setBobsRegion("AMER");
            assertThat(revenueRows(rows(get("bob", "revenue_by_product", "year=2024")))).isEqualTo(revenueByProduct("AMER"::equals));

            setBobsRole("admin");
            assertThat(revenueRows(rows(get("bob", "revenue_by_product", "year=2024")))).isEqualTo(revenueByProduct(r -> true));
            assertThat(rows(get("bob", "recent_orders", "region=APAC")).getJsonObject(0).keySet()).contains("revenue");
            setBobsRole("viewer");

            asAlice(http.delete(BOB_IN_EMEA, tokens.get("alice")));
            assertThat(get("bob", "revenue_by_product", "year=2024").status()).isEqualTo(404);
        } finally {
            setBobsRole("viewer");
            setBobsRegion("EMEA");
            Http.Answer back = http.put(BOB_IN_EMEA, tokens.get("alice"), "");
            assertThat(back.status()).as(back.raw().body()).isIn(200, 409);
        }
        assertThat(revenueRows(rows(get("bob", "revenue_by_product", "year=2024")))).isEqualTo(revenueByProduct("EMEA"::equals));
    }

    @Test
    void injectionThroughArgumentsOrAttributesReturnsNothingAndChangesNothing() throws IOException {
        for (String hostile : List.of("EMEA' OR '1'='1", "'; DROP TABLE orders; --", "EMEA OR 1=1", "Ëmea ☃ \u0000", "\\' OR 1=1 --")) {
            assertThat(rows(get("alice", "recent_orders", "region=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8)))).isEmpty();
            assertThat(rows(post("alice", "recent_orders", "{\"region\": " + Http.quote(hostile) + "}"))).isEmpty();
        }
        String bob = "(SELECT id FROM users WHERE email = 'bob@acme.example')";
        try {
            setBobsRegion("EMEA' OR '1'='1");
            assertThat(rows(get("bob", "revenue_by_product", "year=2024"))).isEmpty();
        } finally {
            setBobsRegion("EMEA");
        }
        assertThat(revenueRows(rows(get("alice", "revenue_by_product", "year=2024")))).isEqualTo(revenueByProduct(r -> true));
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void badArgumentsAreFourHundredsThatNameTheArgument() {
        assertBadArgument(get("bob", "revenue_by_product", ""), "year", "Missing argument 'year'");
        assertBadArgument(get("bob", "revenue_by_product", "year=abc"), "year", "must be a value of type integer");
        assertBadArgument(get("bob", "revenue_by_product", "year=2024&limit=3"), "limit", "Unknown argument 'limit'");
        assertBadArgument(get("bob", "revenue_by_product", "year=2024&year=2023"), "year", "given 2 times");
        assertBadArgument(post("bob", "revenue_by_product", "{\"year\": 2024.5}"), "year", "integer");
        assertBadArgument(post("bob", "revenue_by_product", "{\"year\": [2024]}"), "year", "single value");
        assertThat(post("bob", "revenue_by_product", "{\"year\": \"2024\"}").status()).isEqualTo(200);
        assertThat(post("bob", "revenue_by_product", "[2024]").status()).isEqualTo(400);
        assertThat(post("bob", "revenue_by_product", "{year: 2024").status()).isEqualTo(400);
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void unknownProjectsAndApisAndMissingTokensAreRefused() {
        assertThat(get("bob", "no_such_api", "").status()).isEqualTo(404);
        assertThat(http.get("/v1/organizations/acme/projects/nope/runtime/api/x", tokens.get("alice")).status()).isEqualTo(404);
        assertThat(http.get("/v1/organizations/nope/projects/sales/runtime/api/x", tokens.get("alice")).status()).isEqualTo(404);
        Http.Answer anonymous = http.get(SALES + "customers_by_domain", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer realm=\"rill\"");
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void openApiDescribesTheProjectsApisToItsViewersOnly() {
        Http.Answer answer = http.get(SALES + "openapi", tokens.get("carol"));
        assertThat(answer.status()).isEqualTo(200);
        JsonObject paths = answer.json().getJsonObject("paths");
        assertThat(answer.json().getString("openapi")).startsWith("3.");
        assertThat(paths.keySet()).containsExactlyInAnyOrder("/revenue_by_product", "/recent_orders", "/customers_by_domain");
        JsonObject year = paths.getJsonObject("/revenue_by_product").getJsonObject("get").getJsonArray("parameters").getJsonObject(0);
        assertThat(year.getString("name")).isEqualTo("year");
        assertThat(year.getBoolean("required")).isTrue();
        assertThat(year.getJsonObject("schema").getString("type")).isEqualTo("integer");
        assertThat(http.get(SALES + "openapi", tokens.get("dave")).status()).isEqualTo(404);
    }

    @Test
    void projectSqlCannotReachTheApplicationsTablesOtherProjectsOrFiles() {
        assertThat(rows(http.get(OPS + "incidents", tokens.get("dave")))).hasSize(3);
        for (String api : List.of("read_app_users", "read_sales_orders", "read_file", "link_app_db")) {
            Http.Answer answer = http.get(OPS + api, tokens.get("alice"));
            assertThat(answer.status()).as(api).isEqualTo(500);
            assertThat(answer.json().getString("code")).isEqualTo("api_failed");
            assertThat(answer.raw().body()).doesNotContain("alice@acme.example", "PBKDF2", "RILL_");
        }
        String problems = http.probe("catalog-problems").raw().body();
        assertThat(problems).contains("broken_template.yaml:5:", "unknown_field.yaml:3:", "unknown field 'cache'");
        assertThat(http.get(OPS + "broken_template", tokens.get("alice")).status()).isEqualTo(404);
    }

    @Test
    void apiFilesAddedChangedAndRemovedAreServedWithoutARestart() throws Exception {
        Path file = TestServer.projectsDir().resolve(Path.of("acme", "ops", "apis", "hot_reload.yaml"));
        String problems = "catalog-problems?org=acme&project=ops";
        try {
            Files.writeString(file, "type: api\nsql: SELECT 42 AS answer\n");
            Http.Answer added = eventually(() -> http.get(OPS + "hot_reload", tokens.get("dave")), answer -> answer.status() == 200);
            assertThat(rows(added).getJsonObject(0).getJsonNumber("answer").longValue()).isEqualTo(42);

            Files.writeString(file, "type: api\nsql: SELECT 42 AS answer\nsecurity:\n  acces: true\n");
            assertThat(eventually(() -> http.probe(problems).raw().body(), body -> body.contains("hot_reload.yaml")))
                    .contains("apis/hot_reload.yaml:4: unknown field 'acces' in security");
            assertThat(http.get(OPS + "hot_reload", tokens.get("dave")).status()).isEqualTo(404);

            Files.writeString(file, "type: api\nsql: SELECT 43 AS answer\n");
            Http.Answer fixed = eventually(() -> http.get(OPS + "hot_reload", tokens.get("dave")), answer -> answer.status() == 200);
            assertThat(rows(fixed).getJsonObject(0).getJsonNumber("answer").longValue()).isEqualTo(43);
            assertThat(http.probe(problems).raw().body()).doesNotContain("hot_reload.yaml");

            Files.delete(file);
            eventually(() -> http.get(OPS + "hot_reload", tokens.get("dave")), answer -> answer.status() == 404);
            assertThat(rows(http.get(OPS + "incidents", tokens.get("dave")))).hasSize(3);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Asks until the answer passes the test: a node applies a changed file within a few seconds. */
    private static <T> T eventually(java.util.function.Supplier<T> ask, Predicate<T> test) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        T answer = ask.get();
        while (!test.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            answer = ask.get();
        }
        assertThat(test.test(answer)).as("within 20 s: " + answer).isTrue();
        return answer;
    }

    /** Bob's custom attribute in acme, set by Alice (an org admin) through the administration API. */
    private void setBobsRegion(String region) {
        asAlice(http.put("/v1/organizations/acme/members/bob@acme.example/attributes", tokens.get("alice"),
                "{\"attributes\": {\"region\": " + Http.quote(region) + "}}"));
    }

    /** Bob's role in acme, changed by Alice (an org admin) through the administration API. */
    private void setBobsRole(String role) {
        asAlice(http.put("/v1/organizations/acme/members/bob@acme.example", tokens.get("alice"), "{\"role\": " + Http.quote(role) + "}"));
    }

    private static void asAlice(Http.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
    }

    private static void assertBadArgument(Http.Answer answer, String field, String message) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.json().getString("field")).isEqualTo(field);
        assertThat(answer.json().getString("message")).contains(message);
        assertThat(answer.json().get("code")).isNotEqualTo(JsonValue.NULL);
    }
}
