package org.rilltokens.apis.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rilltokens.access.control.PolicyAttributes;
import org.rilltokens.platform.DomainException;

/** Policy evaluation and query execution on a real embedded project database, without the container. */
class ApiCallTest {

    @TempDir
    Path folder;

    private ProjectData data;
    private Duration timeout = Duration.ofSeconds(5);
    private int maxRows = 10;

    private final PolicyAttributes bob = new PolicyAttributes("bob@acme.example", "acme.example", "Bob", false,
            List.of("emea"), Map.of("region", "EMEA"));
    private final PolicyAttributes alice = new PolicyAttributes("alice@acme.example", "acme.example", "Alice", true,
            List.of(), Map.of());
    private final PolicyAttributes carol = new PolicyAttributes("carol@partner.example", "partner.example", "Carol", false,
            List.of(), Map.of());

    @BeforeEach
    void load() throws Exception {
        Path csv = Files.writeString(folder.resolve("orders.csv"), """
                id,region,product,amount,day
                1,EMEA,Anvil,10.50,2024-01-02
                2,AMER,Anvil,20.25,2024-02-03
                3,EMEA,"Magnet, giant",5,2023-12-31
                4,APAC,Hole,,2024-03-04
                """);
        data = ProjectData.embedded(List.of(csv));
    }

    @AfterEach
    void close() {
        data.close();
    }

    private ApiCall.Result run(String yaml, Map<String, Object> args, PolicyAttributes user) throws Exception {
        Path file = Files.writeString(folder.resolve("api.yaml"), "type: api\n" + yaml);
        return new ApiCall(data, timeout, maxRows).run(ApiFileReader.read(file), args, user);
    }

    @Test
    void rowFilterUsesTheCallersAttributes() throws Exception {
        String api = "sql: SELECT id, region FROM orders ORDER BY id\nsecurity:\n  access: true\n"
                + "  row_filter: \"{{ .user.admin }} OR region = '{{ .user.region }}'\"\n";

        assertThat(run(api, Map.of(), bob).rows()).containsExactly(List.of(1L, "EMEA"), List.of(3L, "EMEA"));
        assertThat(run(api, Map.of(), alice).rows()).hasSize(4);
        assertThat(run(api, Map.of(), carol).rows()).isEmpty();
    }

    @Test
    void csvColumnsAreTyped() throws Exception {
        ApiCall.Result result = run("sql: SELECT SUM(amount) AS total, MIN(\"day\") AS first, COUNT(amount) AS priced FROM orders\n",
                Map.of(), alice);
        assertThat(result.columns()).containsExactly("total", "first", "priced");
        assertThat((BigDecimal) result.rows().get(0).get(0)).isEqualByComparingTo("35.75");
        assertThat(result.rows().get(0).get(1).toString()).isEqualTo("2023-12-31");
        assertThat(result.rows().get(0).get(2)).isEqualTo(3L);
    }

    @Test
    void accessDeniesWithAClearMessageAndASecurityBlockWithoutAccessDeniesEveryone() {
        String domainOnly = "sql: SELECT 1 AS one\nsecurity:\n  access: \"'{{ .user.domain }}' = 'acme.example'\"\n";
        assertThatThrownBy(() -> run(domainOnly, Map.of(), carol)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
        assertThat(catching(() -> run(domainOnly, Map.of(), bob))).isNull();

        String noAccess = "sql: SELECT 1 AS one\nsecurity:\n  row_filter: \"true\"\n";
        assertThatThrownBy(() -> run(noAccess, Map.of(), alice)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN));
    }

    @Test
    void includeAndExcludeDropColumnsPerCaller() throws Exception {
        String api = "sql: SELECT id, region, amount FROM orders WHERE id = 1\nsecurity:\n  access: true\n"
                + "  include:\n    - if: \"'{{ .user.domain }}' = 'acme.example'\"\n      names: '*'\n"
                + "    - if: \"true\"\n      names: [id]\n"
                + "  exclude:\n    - if: \"NOT {{ .user.admin }}\"\n      names: [amount]\n";

        assertThat(run(api, Map.of(), alice).columns()).containsExactly("id", "region", "amount");
        assertThat(run(api, Map.of(), bob).columns()).containsExactly("id", "region");
        assertThat(run(api, Map.of(), carol).columns()).containsExactly("id");
        assertThat(run(api, Map.of(), carol).rows()).containsExactly(List.of(1L));
    }

    @Test
    void argumentsAreBoundAndChecked() throws Exception {
        String api = "openapi:\n  request:\n    parameters:\n      - name: id\n        schema: {type: integer}\n"
                + "sql: SELECT product FROM orders WHERE id = {{ .args.id }} OR product = {{ .args.product }}\n";

        assertThat(run(api, Map.of("id", "3", "product", "x' OR '1'='1"), bob).rows()).containsExactly(List.of("Magnet, giant"));
        assertThat(run(api, Map.of("id", new BigDecimal("1"), "product", "Hole"), bob).rows()).hasSize(2);
        assertInvalid(() -> run(api, Map.of("product", "x"), bob), "Missing argument 'id'");
        assertInvalid(() -> run(api, Map.of("id", "1", "product", "x", "limit", "5"), bob), "Unknown argument 'limit'");
        assertInvalid(() -> run(api, Map.of("id", "one", "product", "x"), bob), "must be a value of type integer");
        assertInvalid(() -> run(api, Map.of("id", new BigDecimal("1.5"), "product", "x"), bob), "integer");
        assertInvalid(() -> run(api, Map.of("id", List.of("1"), "product", "x"), bob), "single value");
        assertInvalid(() -> run(api, Map.of("id", "1", "product", new BigDecimal("1e999999999")), bob), "out of range");
        assertInvalid(() -> run(api, Map.of("id", new BigDecimal("1e-999999999"), "product", "x"), bob), "out of range");
    }

    @Test
    void anExcludeRuleOverAMissingAttributeHidesTheColumn() throws Exception {
        String api = "sql: SELECT id, amount FROM orders WHERE id = 1\nsecurity:\n  access: true\n"
                + "  exclude:\n    - if: \"'{{ .user.region }}' <> 'EMEA'\"\n      names: [amount]\n";

        assertThat(run(api, Map.of(), bob).columns()).containsExactly("id", "amount");
        assertThat(run(api, Map.of(), carol).columns()).containsExactly("id");
    }

    @Test
    void moreRowsThanTheLimitIsAClearError() {
        maxRows = 3;
        assertThatThrownBy(() -> run("sql: SELECT * FROM orders\n", Map.of(), alice)).isInstanceOfSatisfying(
                DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.RESULT_TOO_LARGE);
                    assertThat(e.getMessage()).contains("more than 3 rows");
                });
    }

    @Test
    void theQueryUserCannotWriteOrReachFilesAndOtherDatabases() throws IOException {
        for (String sql : List.of("DELETE FROM orders", "SELECT FILE_READ('/etc/hostname') AS f",
                "SELECT * FROM CSVREAD('/etc/hostname')", "CREATE TABLE x (a INT)",
                "CALL LINK_SCHEMA('x', '', 'jdbc:h2:mem:other', 'sa', '', 'PUBLIC')",
                // Pooled connections outlive a call: API SQL must not change their session settings.
                "SET QUERY_TIMEOUT 0", "SET SCHEMA INFORMATION_SCHEMA")) {
            assertThat(catching(() -> run("sql: " + sql + "\n", Map.of(), alice))).as(sql)
                    .isInstanceOf(DomainException.class);
        }
        assertThat(catching(() -> run("sql: SELECT COUNT(*) AS n FROM orders\n", Map.of(), alice))).isNull();
    }

    @Test
    void aQueryRunningPastTheTimeoutIsStopped() {
        timeout = Duration.ofSeconds(1);
        String slow = "sql: SELECT COUNT(*) AS n FROM SYSTEM_RANGE(1, 100000) a, SYSTEM_RANGE(1, 100000) b\n";
        assertThat(catching(() -> run(slow, Map.of(), alice))).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.DEADLINE_EXCEEDED);
            assertThat(e.getMessage()).contains("longer than 1 s");
        });
        // The pooled connection that ran it serves the next call.
        assertThat(catching(() -> run("sql: SELECT COUNT(*) AS n FROM orders\n", Map.of(), alice))).isNull();
    }

    @Test
    void aProjectsOwnDatabaseIsQueriedThroughAPool() throws Exception {
        String url = "jdbc:h2:mem:external-" + UUID.randomUUID();
        try (Connection admin = DriverManager.getConnection(url, "admin", "secret"); Statement statement = admin.createStatement()) {
            statement.execute("CREATE TABLE incidents (id INT, service VARCHAR(20))");
            statement.execute("INSERT INTO incidents VALUES (1, 'api'), (2, 'db')");
            statement.execute("CREATE USER viewer PASSWORD 'viewing'");
            statement.execute("GRANT SELECT ON incidents TO viewer");
            data.close();
            data = ProjectData.external(url, "viewer", "viewing", Executors.defaultThreadFactory());
            for (int call = 0; call < 20; call++) {
                assertThat(run("sql: SELECT service FROM incidents ORDER BY id\n", Map.of(), alice).rows())
                        .containsExactly(List.of("api"), List.of("db"));
            }
            assertThat(catching(() -> run("sql: DELETE FROM incidents\n", Map.of(), alice))).isInstanceOf(DomainException.class);
        }
    }

    private static void assertInvalid(ThrowingRunnable call, String message) {
        assertThat(catching(call)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_ARGUMENT);
            assertThat(e.getMessage()).contains(message);
        });
    }

    interface ThrowingRunnable {
        Object run() throws Exception;
    }

    private static Throwable catching(ThrowingRunnable call) {
        try {
            call.run();
            return null;
        } catch (Throwable e) {
            return e;
        }
    }
}
