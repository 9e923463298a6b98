package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API's request rate limits, per token and per client address: a burst beyond them is answered 429 with
 * Retry-After and the JSON error, other tokens carry on, and a refused client gets through again after waiting.
 * On a node of its own with low limits (the shared test server sets them high: every test calls from one address),
 * in the PostgreSQL pass only: there the node counts in the database it shares with the test server, under the row
 * locks that several nodes contend for. (On H2, which serves one node, the shared server counts every request of its
 * pass through the same code, under limits it never reaches.)
 */
@EnabledIfSystemProperty(named = "rill.test.database", matches = "postgresql")
@ExtendWith(TestServer.class) // which makes the database
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitsIT {

    private static final String CURRENT = "/v1/users/current";
    /** 5 a second in bursts of 10 per token; 20 a second in bursts of 40 per address. */
    private static ServerNode node;
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        // The test server's database: the counters' rows are the ones its own requests use.
        Map<String, String> settings = Map.of("RILL_RATE_LIMIT_PER_TOKEN", "5", "RILL_RATE_LIMIT_BURST", "10",
                "RILL_RATE_LIMIT_PER_ADDRESS", "20", "RILL_DB_URL", System.getProperty("rill.test.pg.url", ""), "RILL_DB_USER", "rill",
                "RILL_DB_PASSWORD", "unused");
        node = new ServerNode("rate-limits", settings).startAndWait();
        http = node.http();
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void aBurstWithOneTokenIsCutAtItsLimitAndAnotherTokenCarriesOn() throws Exception {
        String token = http.probe("user?email=burst-" + UUID.randomUUID() + "@test.example").raw().body();
        String other = http.probe("user?email=other-" + UUID.randomUUID() + "@test.example").raw().body();
        Thread.sleep(2_500); // the address allowance used by the set-up is back
        long started = System.nanoTime();
        List<HttpResponse<String>> answers = parallel(25, token);
        double seconds = (System.nanoTime() - started) / 1e9;

        long admitted = answers.stream().filter(answer -> answer.statusCode() == 200).count();
        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertThat(admitted + refused.size()).isEqualTo(25);
        // The burst, what came back meanwhile, and at most one lease more (a quarter second's worth).
        assertThat(admitted).isBetween(10L, 10 + Math.round(5 * seconds) + 2);
        HttpResponse<String> tooMany = refused.get(0);
        assertThat(Long.parseLong(tooMany.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
        assertThat(tooMany.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonObject error = new Http.Answer(429, tooMany).json();
        assertThat(error.getString("code")).isEqualTo("resource_exhausted");
        assertThat(error.getString("message")).contains("Too many requests with this token").contains("try again in");

        assertThat(http.get(CURRENT, other).status()).isEqualTo(200);
        Thread.sleep(Long.parseLong(tooMany.headers().firstValue("Retry-After").get()) * 1_000 + 300);
        assertThat(http.get(CURRENT, token).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void oneAddressGuessingTokensIsCutAtItsLimit() throws Exception {
        Thread.sleep(2_500);
        List<HttpResponse<String>> answers = parallel(80, "rill_usr_" + "0".repeat(62));
        long unauthenticated = answers.stream().filter(answer -> answer.statusCode() == 401).count();
        List<HttpResponse<String>> refused = answers.stream().filter(answer -> answer.statusCode() == 429).toList();
        assertThat(unauthenticated + refused.size()).isEqualTo(80);
        assertThat(unauthenticated).isGreaterThanOrEqualTo(40);
        assertThat(refused).isNotEmpty();
        assertThat(refused.get(0).headers().firstValue("Retry-After")).isPresent();
        assertThat(new Http.Answer(429, refused.get(0)).json().getString("message")).contains("Too many requests from this address");
        // Health is not counted: a load balancer's checks never use up anyone's allowance.
        assertThat(http.get("/v1/health", null).status()).isEqualTo(200);
    }

    /** {@code count} calls of /v1/users/current with {@code token}, 16 at a time. */
    private static List<HttpResponse<String>> parallel(int count, String token) {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(http.client().sendAsync(http.request(CURRENT, token).build(), HttpResponse.BodyHandlers.ofString()));
            if (calls.size() == 16) {
                calls.forEach(call -> answers.add(call.join()));
                calls.clear();
            }
        }
        calls.forEach(call -> answers.add(call.join()));
        return answers;
    }
}
