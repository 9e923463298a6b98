import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mixed load against two nodes on one database for a while (bench/soak.sh kills and restarts one midway): token
 * checks, a custom API call, issue / use on the other node / revoke / use again, and (one worker) carol's project role
 * taken on one node / her API call on the other / given back / called again. Counts every answer and the wrong ones:
 * a revoked token accepted anywhere, a removed role still reaching the API on the other node, a custom API answer
 * that differs from the first one, a 5xx, or any other unexpected status from a node that is up. A node counts as down from its first refused connection
 * until the application answers again; what the server answers meanwhile (nothing, or its own HTML error page or a
 * 5xx while the WAR deploys) is counted apart.
 * Usage: Soak <seconds> <JDBC URL> <user> <password> <base URL A> <base URL B>
 */
public class Soak {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    static final String API = "/v1/organizations/acme/projects/sales/runtime/api/revenue_by_product?year=2024";
    static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"(rill_usr_[A-Za-z0-9]+)\"");

    static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();
    static final List<String> WRONG = java.util.Collections.synchronizedList(new ArrayList<>());
    /**
     * Nodes that refused a connection and whose /v1/health has not answered 200 since (what a load balancer waits
     * for): a starting Payara answers with error pages, from its default module or from the application's error pages
     * before its API servlet is up, while the application's own authentication may already answer 401s.
     */
    static final Map<String, Boolean> DOWN = new ConcurrentHashMap<>();
    /** When each restarted node's health first answered 200 (System.nanoTime()). */
    static final Map<String, Long> READY_AT = new ConcurrentHashMap<>();
    /** Requests sent before a node was ready may be answered by its starting server up to their timeout later. */
    static final long IN_FLIGHT_NANOS = 10_000_000_000L;
    static volatile String expectedApi;

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        List<String> nodes = List.of(args[4], args[5]);
        String bob;
        String alice;
        String carol;
        try (Connection db = DriverManager.getConnection(args[1], args[2], args[3])) {
            bob = Bench.insertToken(db, "bob@acme.example", "soak");
            alice = Bench.insertToken(db, "alice@acme.example", "soak");
            carol = Bench.insertToken(db, "carol@partner.example", "soak");
        }
        expectedApi = call("GET", nodes.get(0), API, bob, null).body();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(7);
        List<Future<?>> workers = new ArrayList<>();
        for (int worker = 0; worker < 7; worker++) {
            // Two workers of each of the first three kinds; one changes carol's role, so that her state is its own.
            int kind = worker == 6 ? 3 : worker % 3;
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    String node = nodes.get(ThreadLocalRandom.current().nextInt(2));
                    String other = nodes.get(0).equals(node) ? nodes.get(1) : nodes.get(0);
                    try {
                        switch (kind) {
                            case 0 -> expect("token check", node, call("GET", node, "/v1/users/current", bob, null), 200, null);
                            case 1 -> expect("api call", node, call("GET", node, API, bob, null), 200, expectedApi);
                            case 2 -> lifeCycle(node, other, bob);
                            default -> roleCycle(node, other, alice, carol);
                        }
                    } catch (Exception e) {
                        unreachable(node, e);
                    }
                }
                return null;
            }));
        }
        Thread readiness = new Thread(() -> {
            while (System.nanoTime() < end) {
                for (String node : nodes) {
                    if (DOWN.containsKey(node + " starting")) {
                        try {
                            if (call("GET", node, "/v1/health", null, null).statusCode() == 200) {
                                READY_AT.put(node, System.nanoTime());
                                DOWN.remove(node + " starting");
                            }
                        } catch (Exception e) {
                            // still down
                        }
                    }
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        readiness.setDaemon(true);
        readiness.start();
        long started = System.nanoTime();
        while (System.nanoTime() < end) {
            Thread.sleep(10_000);
            System.out.printf("%4d s %s wrong %d%n", (System.nanoTime() - started) / 1_000_000_000L, new java.util.TreeMap<>(COUNTS),
                    WRONG.size());
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        System.out.println("answers: " + new java.util.TreeMap<>(COUNTS));
        System.out.println("wrong answers: " + WRONG.size());
        WRONG.stream().limit(20).forEach(wrong -> System.out.println("  " + wrong));
        if (!WRONG.isEmpty()) {
            System.exit(1);
        }
    }

    /** Issue on one node, use on the other, revoke on the first, then the other must refuse at once. */
    static void lifeCycle(String node, String other, String bob) throws Exception {
        HttpResponse<String> issued = call("POST", node, "/v1/users/current/tokens", bob, "{\"displayName\":\"soak\"}");
        if (!expect("issue", node, issued, 201, null)) {
            return;
        }
        Matcher token = TOKEN.matcher(issued.body());
        if (!token.find()) {
            wrong("issue on " + node + " answered no token: " + issued.body());
            return;
        }
        String fresh = token.group(1);
        try {
            expect("use fresh token", other, call("GET", other, "/v1/users/current", fresh, null), 200, null);
        } catch (Exception e) {
            unreachable(other, e);
        }
        HttpResponse<String> revoked = call("DELETE", node, "/v1/users/current/tokens/" + fresh.substring(0, 19), bob, null);
        if (!expect("revoke", node, revoked, 200, null)) {
            return;
        }
        for (String where : List.of(other, node)) {
            mustRefuse(where, "/v1/users/current", fresh, 401, "revoked token refused", "revoked token accepted");
        }
    }

    /** Alice takes carol's role on sales on one node: the other must refuse carol at once; then gives it back. */
    static void roleCycle(String node, String other, String alice, String carol) throws Exception {
        String members = "/v1/organizations/acme/projects/sales/members";
        // After a node was killed mid-cycle, carol may have no role left (400: no direct role) or still have it (409 below).
        HttpResponse<String> taken = call("DELETE", node, members + "/carol%40partner.example", alice, null);
        boolean gone = taken.statusCode() == 400 && taken.body().contains("has no direct role");
        if (!expect(gone ? "role already taken" : "role taken", node, taken, gone ? 400 : 200, null)) {
            return;
        }
        mustRefuse(other, API, carol, 404, "removed role refused", "removed role still reaches the API");
        HttpResponse<String> given = call("POST", node, members, alice, "{\"email\":\"carol@partner.example\",\"role\":\"viewer\"}");
        if (!expect("role given back", node, given, given.statusCode() == 409 ? 409 : 201, null)) {
            return;
        }
        try {
            expect("given role reaches the API", other, call("GET", other, API, carol, null), 200, null);
        } catch (Exception e) {
            unreachable(other, e);
        }
    }

    /** A call that must be refused with {@code status} at once: a 200 is a wrong answer ({@code stale}). */
    static void mustRefuse(String where, String path, String token, int status, String refused, String stale) {
        try {
            HttpResponse<String> after = call("GET", where, path, token, null);
            if (after.statusCode() == 200) {
                wrong(stale + " on " + where);
            } else {
                expect(refused, where, after, status, null);
            }
        } catch (Exception e) {
            unreachable(where, e);
        }
    }

    static boolean expect(String what, String node, HttpResponse<String> answer, int status, String body) {
        // Until the application is deployed, a restarted Payara answers with its own HTML error page (404, 503).
        boolean server = answer.body().startsWith("<!DOCTYPE") || answer.statusCode() >= 500;
        boolean starting = DOWN.containsKey(node + " starting")
                || System.nanoTime() - READY_AT.getOrDefault(node, Long.MIN_VALUE / 2) < IN_FLIGHT_NANOS;
        if (server && starting) {
            count("not ready while starting " + answer.statusCode());
            return false;
        }
        count(what + " " + answer.statusCode());
        if (answer.statusCode() == status && (body == null || body.equals(answer.body()))) {
            return true;
        }
        wrong(what + " on " + node + ": " + answer.statusCode() + " " + answer.body().substring(0, Math.min(200, answer.body().length())));
        return false;
    }

    static void unreachable(String node, Exception e) {
        DOWN.put(node + " starting", true);
        count("unreachable " + node);
    }

    static void count(String key) {
        COUNTS.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    static void wrong(String what) {
        count("WRONG");
        WRONG.add(what);
    }

    static HttpResponse<String> call(String method, String base, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
