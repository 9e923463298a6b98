import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rilltokens.apis.control.ProjectData;

/**
 * Latency of the demo API revenue_by_product over HTTP with a user token, against the same SQL run
 * directly over JDBC on an identical embedded project database. Usage: ApiLatency <base URL>.
 */
public class ApiLatency {

    static final int WARMUP = 300;
    static final int RUNS = 2000;
    static final String SQL = "SELECT * FROM (\nSELECT region, product, COUNT(*) AS orders, SUM(quantity) AS units,"
            + " SUM(amount) AS revenue\nFROM orders\nWHERE EXTRACT(YEAR FROM order_date) = ?\nGROUP BY region, product\n"
            + "ORDER BY region, product\n) rill_api_rows WHERE (? OR region = ?)";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).build();
        String token = aliceToken(client, base);
        HttpRequest call = HttpRequest.newBuilder(URI.create(base
                + "/v1/organizations/acme/projects/sales/runtime/api/revenue_by_product?year=2024"))
                .header("Authorization", "Bearer " + token).build();
        long[] api = measure(() -> {
            HttpResponse<String> response = client.send(call, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        });
        try (ProjectData data = ProjectData.embedded(List.of(Path.of("server-config/projects/acme/sales/data/orders.csv")))) {
            long[] direct = measure(() -> {
                try (Connection connection = data.open(); PreparedStatement statement = connection.prepareStatement(SQL)) {
                    statement.setLong(1, 2024);
                    statement.setBoolean(2, true);
                    statement.setString(3, null);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            rows.getObject(5);
                        }
                    }
                }
            });
            System.out.printf("revenue_by_product over HTTP with a token: p50 %.3f ms, p99 %.3f ms%n", ms(api, 50), ms(api, 99));
            System.out.printf("same SQL directly over JDBC:               p50 %.3f ms, p99 %.3f ms%n", ms(direct, 50), ms(direct, 99));
            System.out.printf("ratio HTTP API / direct SQL: p50 %.1f, p99 %.1f  (%d calls each, after %d warm-up calls)%n",
                    ms(api, 50) / ms(direct, 50), ms(api, 99) / ms(direct, 99), RUNS, WARMUP);
        }
    }

    interface Call {
        void run() throws Exception;
    }

    static long[] measure(Call call) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            call.run();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1_000_000.0;
    }

    /** Signs in to the portal as the demo admin and issues a token from the tokens page, as a person would. */
    static String aliceToken(HttpClient client, String base) throws Exception {
        String login = get(client, base + "/login");
        post(client, base + "/login", form(login, "signin", List.of("signin:email", "alice@acme.example",
                "signin:password", "demo-alice", "signin:submit", "Sign in")));
        String home = get(client, base + "/");
        post(client, base + "/", form(home, "issue", List.of("issue:displayName", "benchmark",
                "issue:expiration", "10080", "issue:create", "Create token")));
        Matcher token = Pattern.compile("value=\"(rill_usr_[0-9A-Za-z]{61})\"").matcher(get(client, base + "/"));
        if (!token.find()) {
            throw new IllegalStateException("could not issue a token through the portal");
        }
        return token.group(1);
    }

    static String form(String page, String form, List<String> fields) {
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"").matcher(page);
        if (!state.find()) {
            throw new IllegalStateException("no form " + form);
        }
        List<String> pairs = new ArrayList<>(List.of(form, form, "jakarta.faces.ViewState", state.group(1)));
        pairs.addAll(fields);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.size(); i += 2) {
            body.append(i == 0 ? "" : "&").append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    static String get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static void post(HttpClient client, String url, String body) throws Exception {
        client.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }
}
