package org.rilltokens.apis.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rilltokens.access.control.PolicyAttributes;

/** The catalog rescanning a real projects folder, as its timer does every few seconds, without the container. */
class ProjectCatalogTest {

    @TempDir
    Path root;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ProjectCatalog catalog = new ProjectCatalog();
    private final PolicyAttributes alice = new PolicyAttributes("alice@acme.example", "acme.example", "Alice", true,
            List.of(), Map.of());

    @BeforeEach
    void configure() {
        catalog.directory = root.toString();
        catalog.scanSeconds = 2;
        catalog.timeoutSeconds = 1;
        catalog.log = Logger.getLogger(ProjectCatalogTest.class.getName());
        catalog.timer = timer;
        catalog.threads = Executors.defaultThreadFactory();
    }

    @AfterEach
    void close() {
        catalog.close();
        timer.shutdownNow();
    }

    @Test
    void aNewApiFileIsServedABrokenOneReportsItsLineAndARemovedOneIsGone() throws Exception {
        write("acme/ops/apis/first.yaml", "type: api\nsql: SELECT 1 AS one\n");
        catalog.refresh();
        assertThat(apis("acme", "ops")).containsExactly("first");

        write("acme/ops/apis/second.yaml", "type: api\nsql: SELECT 2 AS two\n");
        catalog.refresh();
        assertThat(apis("acme", "ops")).containsExactly("first", "second");
        assertThat(call("acme", "ops", "second")).containsExactly(List.of(2));

        write("acme/ops/apis/second.yaml", "type: api\nsql: SELECT 2 AS two\ncolour: red\n");
        catalog.refresh();
        assertThat(apis("acme", "ops")).containsExactly("first");
        assertThat(catalog.problems("acme", "ops")).containsExactly(
                new ProjectProblem("apis/second.yaml", 3, "unknown field 'colour' in the file; expected one of [ai_instructions, openapi, security, sql, type]"));
        assertThat(catalog.problems()).containsExactly("acme/ops/apis/second.yaml:3: unknown field 'colour' in the file;"
                + " expected one of [ai_instructions, openapi, security, sql, type]");

        Files.delete(root.resolve("acme/ops/apis/second.yaml"));
        Files.delete(root.resolve("acme/ops/apis/first.yaml"));
        catalog.refresh();
        assertThat(apis("acme", "ops")).isEmpty();
        assertThat(catalog.problems("acme", "ops")).isEmpty();
    }

    @Test
    void changedDataFilesAreLoadedAgainAndBrokenOnesReportTheirLine() throws Exception {
        write("acme/sales/apis/total.yaml", "type: api\nsql: SELECT SUM(amount) AS total FROM orders\n");
        write("acme/sales/data/orders.csv", "id,amount\n1,10\n2,5\n");
        catalog.refresh();
        assertThat(call("acme", "sales", "total")).containsExactly(List.of(new java.math.BigDecimal("15")));

        write("acme/sales/data/orders.csv", "id,amount\n1,10\n2,5\n3,\"100\n");
        catalog.refresh();
        assertThat(catalog.problems("acme", "sales")).extracting(ProjectProblem::file, ProjectProblem::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("data/orders.csv", 4));

        write("acme/sales/data/orders.csv", "id,amount\n1,10\n2,5\n3,100\n");
        catalog.refresh();
        assertThat(catalog.problems("acme", "sales")).isEmpty();
        assertThat(call("acme", "sales", "total")).containsExactly(List.of(new java.math.BigDecimal("115")));
    }

    @Test
    void projectFoldersComeAndGoAndUnchangedOnesAreNotReadAgain() throws Exception {
        write("acme/ops/apis/one.yaml", "type: api\nsql: SELECT 1 AS one\n");
        settle("acme/ops/apis/one.yaml");
        catalog.refresh();
        LoadedProject ops = catalog.project("acme", "ops").orElseThrow();
        assertThat(catalog.project("globex", "web")).isEmpty();

        write("globex/web/apis/hello.yaml", "type: api\nsql: SELECT 'hello' AS greeting\n");
        catalog.refresh();
        assertThat(call("globex", "web", "hello")).containsExactly(List.of("hello"));
        assertThat(catalog.project("acme", "ops")).containsSame(ops);

        deleteTree(root.resolve("globex"));
        catalog.refresh();
        assertThat(catalog.project("globex", "web")).isEmpty();
        assertThat(catalog.project("acme", "ops")).containsSame(ops);
    }

    @Test
    void aFileWrittenJustNowIsReadAgainOnTheNextScan() throws Exception {
        write("acme/ops/apis/fresh.yaml", "type: api\nsql: SELECT 1 AS one\n");
        catalog.refresh();
        LoadedProject first = catalog.project("acme", "ops").orElseThrow();
        catalog.refresh();
        // Modified within the scan interval: it may still be being written, so it is read again.
        assertThat(catalog.project("acme", "ops").orElseThrow()).isNotSameAs(first);
    }

    @Test
    void aProjectsInstructionsForAssistantsComeFromItsRillFileAndFollowItsChanges() throws Exception {
        write("acme/ops/apis/one.yaml", "type: api\nsql: SELECT 1 AS one\n");
        catalog.refresh();
        assertThat(catalog.project("acme", "ops").orElseThrow().aiInstructions()).isNull();

        // Rill's other settings are left alone.
        write("acme/ops/rill.yaml", "olap_connector: duckdb\nai_instructions: Counts are per day.\nmock_users:\n  - email: a@b.example\n");
        catalog.refresh();
        assertThat(catalog.project("acme", "ops").orElseThrow().aiInstructions()).isEqualTo("Counts are per day.");

        write("acme/ops/rill.yaml", "ai_instructions:\n  text: not text\n");
        catalog.refresh();
        LoadedProject broken = catalog.project("acme", "ops").orElseThrow();
        assertThat(broken.aiInstructions()).isNull();
        assertThat(broken.problems()).containsExactly(new ProjectProblem("rill.yaml", 1, "ai_instructions must be text"));
        assertThat(broken.apis()).containsOnlyKeys("one");
    }

    private List<String> apis(String org, String project) {
        return catalog.project(org, project).orElseThrow().apis().keySet().stream().sorted().toList();
    }

    private List<List<Object>> call(String org, String project, String api) {
        LoadedProject loaded = catalog.project(org, project).orElseThrow();
        return new ApiCall(loaded.data(), Duration.ofSeconds(5), 100).run(loaded.apis().get(api), Map.of(), alice).rows();
    }

    private void write(String file, String text) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    /** As if written a minute ago. */
    private void settle(String file) throws IOException {
        Files.setLastModifiedTime(root.resolve(file), FileTime.from(Instant.now().minusSeconds(60)));
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
