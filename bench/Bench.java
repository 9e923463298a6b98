import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rilltokens.apis.control.ProjectData;
import org.rilltokens.tokens.control.PlainToken;

/**
 * Measures what a token costs against a running server on loopback. Throughput and latency come from wrk
 * ({@code wrk -t1 -c8 --latency}, after a warm-up run), a load generator in C that is not itself the bottleneck:
 * (a) an unauthenticated endpoint, (b) GET /v1/users/current with a token, (c) a demo custom API with bob's token,
 * (d) the same API through the project's MCP endpoint (a stateless JSON-RPC {@code tools/call}).
 * Java measures only what wrk cannot: the same SQL over JDBC inside this JVM (the floor for (c)), validation
 * latency with 1 000 vs 1 000 000 tokens stored (rows inserted over JDBC), and the database writes caused by
 * exactly 10 000 requests with one token.
 * Usage: Bench <base URL> <JDBC URL of the server's database> <user> <password>
 */
public class Bench {

    static final int CONNECTIONS = Integer.getInteger("bench.connections", 8);
    static final int SECONDS = Integer.getInteger("bench.seconds", 8);
    /** How long each scenario runs once before any is measured: the server's JIT compiles all of their paths first. */
    static final int WARM_UP_SECONDS = Integer.getInteger("bench.warmup", 10);
    /** Whether to measure validation with a million tokens stored (BENCH_LARGE=0 skips it: minutes on a busy machine). */
    /** How many times each scenario is measured (in turn, so that a busy moment hits them alike); the best run counts. */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    static final boolean LARGE = !"false".equals(System.getProperty("bench.large"));
    static final String API_SQL = "SELECT * FROM (\nSELECT region, product, COUNT(*) AS orders, SUM(quantity) AS units,"
            + " SUM(amount) AS revenue\nFROM orders\nWHERE EXTRACT(YEAR FROM order_date) = ?\nGROUP BY region, product\n"
            + "ORDER BY region, product\n) rill_api_rows WHERE (? OR region = ?)";

    /** wrk's Lua for (d): one stateless JSON-RPC tools/call of the same API, as a Streamable HTTP client posts it. */
    static final String MCP_CALL = """
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["Accept"] = "application/json, text/event-stream"
            wrk.body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"call_api",'
                .. '"arguments":{"name":"revenue_by_product","arguments":{"year":2024}}}}'
            """;

    /** @param cpuMicros the server's CPU time per request (user + system, its threads but the JIT compiler's), NaN when not known */
    record Result(double perSecond, double p50, double p99, double cpuMicros) {
        @Override
        public String toString() {
            return String.format("%8.0f req/s  p50 %7.3f ms  p99 %7.3f ms", perSecond, p50, p99)
                    + (Double.isNaN(cpuMicros) ? "" : String.format("  server CPU %6.0f us/req", cpuMicros));
        }
    }

    /**
     * The server's process id (bench.server.pid), whose CPU time each wrk run reads from /proc: unlike throughput it
     * barely changes when something else on the machine competes for the cores.
     */
    static final long SERVER_PID = Long.getLong("bench.server.pid", -1);
    static final double CLOCK_TICKS_PER_SECOND = 100;

    interface Call {
        void run() throws Exception;
    }

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
            boolean postgres = args[1].startsWith("jdbc:postgresql:");
            String token = insertToken(db, "bob@acme.example", "bench");
            insertFiller(db, 1_000);

            String healthUrl = base + "/v1/health";
            String currentUrl = base + "/v1/users/current";
            String apiUrl = base + "/v1/organizations/acme/projects/sales/runtime/api/revenue_by_product?year=2024";
            String mcpUrl = base + "/v1/organizations/acme/projects/sales/runtime/mcp";
            // A server just started still compiles its hot paths for minutes on two cores: whatever is measured first would
            // pay for it. Warm up in rounds until a round leaves the JIT compiler nearly idle.
            for (int round = 1; ; round++) {
                long compilerBefore = compilerTicks();
                long allBefore = serverCpuTicks() + compilerBefore;
                for (String url : List.of(healthUrl, currentUrl, apiUrl)) {
                    runWrk(url, url.equals(healthUrl) ? null : token, null, WARM_UP_SECONDS);
                }
                runWrk(mcpUrl, token, MCP_CALL, WARM_UP_SECONDS);
                long compiler = compilerTicks() - compilerBefore;
                double share = (double) compiler / Math.max(1, serverCpuTicks() + compilerTicks() - allBefore);
                System.out.printf("warm-up round %d: JIT compiler %.1f%% of the server's CPU%n", round, share * 100);
                if (SERVER_PID < 0 || share < 0.03 || round == 12) {
                    break;
                }
            }
            System.out.printf("wrk -t1 -c%d -d%ds --latency on loopback, after warm-up rounds of %d s per scenario; each measured"
                    + " %d times in turn, the best kept%n", CONNECTIONS, SECONDS, WARM_UP_SECONDS, ROUNDS);
            Result health = null;
            Result current = null;
            Result api = null;
            Result mcp = null;
            String mcpProblem = null;
            for (int round = 0; round < ROUNDS; round++) {
                health = best(health, wrk(healthUrl, null));
                current = best(current, wrk(currentUrl, token));
                api = best(api, wrk(apiUrl, token));
                try {
                    mcp = best(mcp, wrk(mcpUrl, token, MCP_CALL));
                } catch (IllegalStateException e) {
                    mcpProblem = e.getMessage();
                }
            }
            System.out.println("(a) GET /v1/health, no token                       " + health);
            System.out.println("(b) GET /v1/users/current, token                   " + current);
            System.out.printf("(b)/(a) throughput %.2f (target >= 0.9)%s%n", current.perSecond() / health.perSecond(),
                    Double.isNaN(current.cpuMicros()) ? "" : String.format("; server CPU per request (a)/(b) %.2f",
                            health.cpuMicros() / current.cpuMicros()));
            System.out.println("(c) demo API revenue_by_product?year=2024, bob     " + api);
            Result sql;
            try (ProjectData data = ProjectData.embedded(List.of(Path.of("server-config/projects/acme/sales/data/orders.csv")))) {
                sql = load(() -> directSql(data));
            }
            System.out.println("    same SQL over JDBC in this JVM (" + CONNECTIONS + " threads)     " + sql);
            if (mcp != null) {
                System.out.println("(d) MCP tools/call call_api revenue_by_product     " + mcp);
                System.out.printf("(d)/(c) throughput %.2f (target >= 0.8)%n", mcp.perSecond() / api.perSecond());
            } else {
                System.out.println("(d) MCP tools/call not measured: " + mcpProblem);
            }
            // What (c) would reach if a call cost exactly one health request plus the bare query, one after the other.
            double floor = 1 / (1 / health.perSecond() + 1 / sql.perSecond());
            System.out.printf("(c)/JDBC throughput %.2f, p50 latency %.1fx%n", api.perSecond() / sql.perSecond(), api.p50() / sql.p50());
            System.out.printf("(c)/harmonic(health, JDBC) throughput %.2f (target >= 0.7; harmonic: 1/(1/a + 1/JDBC) = %.0f req/s)%n",
                    api.perSecond() / floor, floor);

            if (LARGE) {
                double small = validationLatency(base, token);
                insertFiller(db, 999_000);
                double large = validationLatency(base, token);
                System.out.printf("token validation p50 with 1 000 tokens stored %.3f ms, with 1 000 000 %.3f ms: ratio %.2f (target <= 1.2)%n",
                        small, large, large / small);
            }

            String fresh = insertToken(db, "bob@acme.example", "bench writes");
            Thread.sleep(4_000); // earlier scenarios' last-use writes land first
            long before = postgres ? updates(db) : -1;
            for (int i = 0; i < 10_000; i++) {
                get(base + "/v1/users/current", fresh);
            }
            Thread.sleep(4_000);
            if (postgres) {
                System.out.printf("database writes caused by 10 000 requests with one token: %d (target <= 1 per token per minute)%n",
                        updates(db) - before);
            } else {
                System.out.println("database writes per 10 000 requests: counted on PostgreSQL only (H2 keeps no row statistics);"
                        + " last use recorded: " + lastUse(db, fresh));
            }
        }
    }

    /** The run with the higher throughput. */
    static Result best(Result so, Result now) {
        return so == null || now.perSecond() > so.perSecond() ? now : so;
    }

    /** wrk against {@code url}; any answer but 200 stops the benchmark. */
    static Result wrk(String url, String token) throws Exception {
        return wrk(url, token, null);
    }

    /** With {@code lua}, a wrk script that shapes the request (method, headers, body). */
    static Result wrk(String url, String token, String lua) throws Exception {
        long cpuBefore = serverCpuTicks();
        String out = runWrk(url, token, lua, SECONDS);
        long cpuAfter = serverCpuTicks();
        Matcher perSecond = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher requests = Pattern.compile("([0-9]+) requests in").matcher(out);
        if (!perSecond.find() || !requests.find()) {
            throw new IllegalStateException("wrk printed no throughput:\n" + out);
        }
        double cpu = cpuBefore < 0 || cpuAfter < 0 ? Double.NaN
                : (cpuAfter - cpuBefore) / CLOCK_TICKS_PER_SECOND * 1e6 / Long.parseLong(requests.group(1));
        return new Result(Double.parseDouble(perSecond.group(1)), percentile(out, "50"), percentile(out, "99"), cpu);
    }

    /**
     * utime + stime of the server's threads in clock ticks (fields 14 and 15 of /proc/PID/task/TID/stat), leaving out
     * the JIT compiler's threads (a server still compiling its hot paths would otherwise count that work against the
     * requests); -1 when unknown.
     */
    static long serverCpuTicks() {
        return threadTicks(false);
    }

    /** The same for the JIT compiler's threads alone. */
    static long compilerTicks() {
        return threadTicks(true);
    }

    private static long threadTicks(boolean compiler) {
        if (SERVER_PID < 0) {
            return -1;
        }
        long ticks = 0;
        try (java.util.stream.Stream<Path> threads = Files.list(Path.of("/proc/" + SERVER_PID + "/task"))) {
            for (Path thread : threads.toList()) {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if ((name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) != compiler) {
                        continue;
                    }
                    // Fields after the thread's name start at field 3 (state): utime is field 14, stime field 15.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException e) {
                    // The thread ended meanwhile.
                }
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String runWrk(String url, String token, String lua, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t1", "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency",
                // A busy machine can hold an answer back longer than wrk's default 2 s: that is not an error here.
                "--timeout", "10s"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        if (lua != null) {
            Path script = Files.createTempFile("bench", ".lua");
            Files.writeString(script, lua);
            script.toFile().deleteOnExit();
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0 || out.contains("Non-2xx") || out.contains("Socket errors")) {
            throw new IllegalStateException("wrk " + url + " did not get only 200s:\n" + out);
        }
        return out;
    }

    /** A latency percentile of wrk's --latency table, in milliseconds (wrk prints us, ms or s). */
    private static double percentile(String out, String percent) {
        Matcher line = Pattern.compile("\\s" + percent + "%\\s+([0-9.]+)(us|ms|s)\\b").matcher(out);
        if (!line.find()) {
            throw new IllegalStateException("wrk printed no " + percent + "% latency:\n" + out);
        }
        double value = Double.parseDouble(line.group(1));
        return switch (line.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    /** {@code call} in a loop on CONNECTIONS threads of this JVM: a warm-up, then SECONDS measured. */
    static Result load(Call call) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        List<Future<long[]>> workers = new ArrayList<>();
        for (int t = 0; t < CONNECTIONS; t++) {
            workers.add(pool.submit(() -> {
                long[] samples = new long[1 << 20];
                int count = 0;
                while (running.get()) {
                    long start = System.nanoTime();
                    call.run();
                    if (measuring.get() && count < samples.length) {
                        samples[count++] = System.nanoTime() - start;
                    }
                }
                return Arrays.copyOf(samples, count);
            }));
        }
        Thread.sleep(WARM_UP_SECONDS * 1_000L);
        measuring.set(true);
        long started = System.nanoTime();
        Thread.sleep(SECONDS * 1_000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - started) / 1e9;
        running.set(false);
        long[] all = new long[0];
        for (Future<long[]> worker : workers) {
            long[] part = worker.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        pool.shutdown();
        Arrays.sort(all);
        return new Result(all.length / elapsed, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, Double.NaN);
    }

    static double validationLatency(String base, String token) throws Exception {
        for (int i = 0; i < 500; i++) {
            get(base + "/v1/users/current", token);
        }
        long[] samples = new long[3_000];
        for (int i = 0; i < samples.length; i++) {
            long start = System.nanoTime();
            get(base + "/v1/users/current", token);
            samples[i] = System.nanoTime() - start;
        }
        Arrays.sort(samples);
        return samples[samples.length / 2] / 1e6;
    }

    static void get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    static void directSql(ProjectData data) throws Exception {
        try (Connection connection = data.open(); PreparedStatement statement = connection.prepareStatement(API_SQL)) {
            statement.setLong(1, 2024);
            statement.setBoolean(2, true);
            statement.setString(3, null);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    rows.getObject(5);
                }
            }
        }
    }

    /** A real token for a demo user, stored the way the server stores one (id and secret hash). */
    static String insertToken(Connection db, String email, String name) throws Exception {
        PlainToken token = PlainToken.generate();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO user_tokens (id, public_id, owner_id, secret_hash,"
                + " display_name, created_on) SELECT ?, ?, id, ?, ?, ? FROM users WHERE email = ?")) {
            insert.setObject(1, token.id());
            insert.setString(2, PlainToken.publicId(token.id()));
            insert.setString(3, token.secretHash());
            insert.setString(4, name);
            insert.setObject(5, Instant.now().atOffset(ZoneOffset.UTC));
            insert.setString(6, email);
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("no user " + email + ": start the server with RILL_DEMO=true");
            }
        }
        return token.text();
    }

    /** Tokens of another user, only there to make the table big; one transaction, not a million commits. */
    static void insertFiller(Connection db, int count) throws Exception {
        db.setAutoCommit(false);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO user_tokens (id, public_id, owner_id, secret_hash,"
                + " display_name, created_on) VALUES (?, ?, (SELECT id FROM users WHERE email = 'erin@acme.example'), ?, 'filler', ?)")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                insert.setObject(1, id);
                insert.setString(2, PlainToken.publicId(id));
                insert.setString(3, "0".repeat(64));
                insert.setObject(4, Instant.now().atOffset(ZoneOffset.UTC));
                insert.addBatch();
                if (i % 5_000 == 4_999) {
                    insert.executeBatch();
                }
                if (i % 100_000 == 99_999) {
                    db.commit();
                }
            }
            insert.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    static long updates(Connection db) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet row = statement.executeQuery(
                "SELECT n_tup_upd FROM pg_stat_user_tables WHERE relname = 'user_tokens'")) {
            row.next();
            return row.getLong(1);
        }
    }

    static String lastUse(Connection db, String token) throws Exception {
        try (PreparedStatement query = db.prepareStatement("SELECT used_on FROM user_tokens WHERE public_id = ?")) {
            query.setString(1, token.substring(9, 31));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? String.valueOf(row.getObject(1)) : "none";
            }
        }
    }
}
