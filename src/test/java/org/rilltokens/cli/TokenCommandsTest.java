package org.rilltokens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** issue, list and revoke against a scripted server: prompts, paging, and what goes over the wire. */
class TokenCommandsTest {

    private static final String TOKEN = "rill_usr_0123456789" + "S".repeat(51);
    private static final String TOKENS = "/v1/users/current/tokens";

    @TempDir
    Path home;

    FakeServer server;
    CliRun rill;

    @BeforeEach
    void start() throws Exception {
        server = new FakeServer();
        rill = new CliRun(home).env("RILL_API_URL", server.url()).env("RILL_API_TOKEN", "rill_usr_caller");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String info(String id, String prefix, String name, String created) {
        return "{\"id\":\"" + id + "\",\"prefix\":\"" + prefix + "\",\"displayName\":\"" + name + "\",\"createdOn\":\"" + created
                + "\",\"expiresOn\":null,\"usedOn\":null,\"usedIp\":null,\"status\":\"active\"}";
    }

    private static String issued(String name) {
        return "{\"token\":\"" + TOKEN + "\",\"tokenInfo\":" + info("u1", "rill_usr_0123456789", name, "2024-01-15T10:30:00Z") + "}";
    }

    private JsonObject sentBody() {
        return Json.createReader(new StringReader(server.requests.get(0).body())).readObject();
    }

    @Test
    void projectsAndReadOnlyAreSentAsTheRestrictionAndTheIssueLineSaysWhatItReaches() {
        server.on("POST", TOKENS, 201, issued("assistant").replace("\"status\":\"active\"",
                "\"status\":\"active\",\"projects\":[\"acme/ops\",\"acme/sales\"],\"readOnly\":true"));

        assertThat(rill.run("token", "issue", "--display-name", "assistant", "--project", "acme/sales", "--project", "acme/ops",
                "--read-only")).as(rill.err()).isZero();

        assertThat(sentBody().getJsonArray("projects").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("acme/sales", "acme/ops");
        assertThat(sentBody().getBoolean("readOnly")).isTrue();
        assertThat(rill.err()).contains("reaches acme/ops, acme/sales (read-only)");
        assertThat(rill.out()).isEqualTo(TOKEN + "\n");
    }

    @Test
    void rotatePostsToTheTokensRotateAddressWithTheGraceAndPrintsOnlyTheNewToken() {
        server.on("POST", "/v1/users/-/tokens/rill_usr_0123456789/rotate", 201, issued("nightly"));

        assertThat(rill.run("token", "rotate", "rill_usr_0123456789", "--grace-minutes", "60")).as(rill.err()).isZero();

        assertThat(sentBody().getJsonNumber("graceMinutes").longValue()).isEqualTo(60L);
        assertThat(rill.out()).isEqualTo(TOKEN + "\n");
        assertThat(rill.err()).contains("Rotated into rill_usr_0123456789", "keeps working for 60 minutes");
    }

    @Test
    void rotateRefusesAGraceOverADayWithoutCallingTheServer() {
        assertThat(rill.run("token", "rotate", "rill_usr_0123456789", "--grace-minutes", "2000")).isEqualTo(2);
        assertThat(rill.err()).contains("between 0 and 1440");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void withoutRestrictionFlagsNothingAboutProjectsIsSent() {
        server.on("POST", TOKENS, 201, issued("plain"));

        assertThat(rill.run("token", "issue", "--display-name", "plain")).as(rill.err()).isZero();

        assertThat(sentBody().containsKey("projects")).isFalse();
        assertThat(sentBody().containsKey("readOnly")).isFalse();
    }

    @Test
    void inATerminalIssueAsksForTheNameAndExpirationAndPrintsOnlyTheTokenToStdout() {
        server.on("POST", TOKENS, 201, issued("Laptop"));
        rill.typing("", "Laptop", "soon", "30d");

        assertThat(rill.run("token", "issue")).as(rill.err()).isZero();

        assertThat(sentBody().getString("displayName")).isEqualTo("Laptop");
        assertThat(sentBody().getJsonNumber("ttlMinutes").longValue()).isEqualTo(30L * 24 * 60);
        assertThat(rill.out()).isEqualTo(TOKEN + "\n");
        assertThat(rill.err()).contains("Display name", "Expiration", "like 30d, 12h, 90m", "Issued rill_usr_0123456789 \"Laptop\"",
                "Store it securely now");
    }

    @Test
    void givenANameIssueAsksNothingAndNoExpirationMeansNever() {
        server.on("POST", TOKENS, 201, issued("Local Development"));
        rill.typing();

        assertThat(rill.run("token", "issue", "--display-name", "Local Development")).isZero();

        assertThat(sentBody().containsKey("ttlMinutes")).isFalse();
        assertThat(rill.err()).doesNotContain("Display name (").contains("never expires");
    }

    @Test
    void theServersRefusalOfAnIssueIsShownWithExitCodeOne() {
        server.on("POST", TOKENS, 400, "{\"code\":\"invalid_argument\",\"message\":\"Display name is 300 characters long; at most 255 are allowed\"}");

        assertThat(rill.run("token", "issue", "--display-name", "x".repeat(300))).isEqualTo(Failure.REFUSED);
        assertThat(rill.err()).isEqualTo("Error: Display name is 300 characters long; at most 255 are allowed\n");
        assertThat(rill.out()).isEmpty();
    }

    @Test
    void listFollowsEveryPageAndShowsLocalTime() {
        server.on("GET", TOKENS, 200, "{\"tokens\":[" + info("u2", "rill_usr_BBBBBBBBBB", "second", "2024-07-01T10:30:00Z")
                + "],\"nextPageToken\":\"page+2/\"}");
        server.on("GET", TOKENS + "?pageToken=page%2B2%2F", 200, "{\"tokens\":[" + info("u1", "rill_usr_AAAAAAAAAA", "first",
                "2024-01-15T10:30:00Z") + "],\"nextPageToken\":null}");
        rill.zone(ZoneId.of("Europe/Berlin"));

        assertThat(rill.run("token", "list")).as(rill.err()).isZero();

        assertThat(rill.out().lines()).hasSize(3);
        assertThat(rill.out()).containsPattern("rill_usr_BBBBBBBBBB +second +2024-07-01 12:30 +Never +Never")
                .containsPattern("rill_usr_AAAAAAAAAA +first +2024-01-15 11:30");
        assertThat(new CliRun(home).zone(ZoneId.of("Europe/Berlin")).env("RILL_API_URL", server.url())
                .env("RILL_API_TOKEN", "t").run("token", "list", "--utc")).isZero();
        assertThat(server.requests).allSatisfy(r -> assertThat(r.authorization()).startsWith("Bearer "));
    }

    @Test
    void listAsJsonIsOneArrayOfAllPagesAndAnEmptyListSaysSoOnStderr() throws Exception {
        server.on("GET", TOKENS, 200, "{\"tokens\":[" + info("u2", "rill_usr_BBBBBBBBBB", "second", "2024-07-01T10:30:00Z")
                + "],\"nextPageToken\":\"p2\"}");
        server.on("GET", TOKENS + "?pageToken=p2", 200, "{\"tokens\":[" + info("u1", "rill_usr_AAAAAAAAAA", "first",
                "2024-01-15T10:30:00Z") + "],\"nextPageToken\":null}");

        assertThat(rill.run("token", "list", "--output", "json")).isZero();
        assertThat(Json.createReader(new StringReader(rill.out())).readArray().getValuesAs(JsonObject.class))
                .extracting(t -> t.getString("displayName")).containsExactly("second", "first");

        try (FakeServer empty = new FakeServer()) {
            empty.on("GET", TOKENS, 200, "{\"tokens\":[],\"nextPageToken\":null}");
            CliRun none = new CliRun(home).env("RILL_API_URL", empty.url()).env("RILL_API_TOKEN", "t");
            assertThat(none.run("token", "list")).isZero();
            assertThat(none.out()).isEmpty();
            assertThat(none.err()).contains("You have no tokens");
        }
    }

    @Test
    void aFullTokenIsRevokedByItsIdPartSoItsSecretNeverTravelsInAUrl() {
        server.on("DELETE", "/v1/users/-/tokens/" + TOKEN.substring(0, 31), 200, "{}");

        assertThat(rill.run("token", "revoke", TOKEN)).as(rill.err()).isZero();

        assertThat(server.paths()).containsExactly("DELETE /v1/users/-/tokens/" + TOKEN.substring(0, 31));
        assertThat(rill.out()).isEqualTo("Revoked rill_usr_0123456789.\n");
    }

    @Test
    void inATerminalAnAmbiguousNameAsksWhichTokenToRevoke() {
        server.on("DELETE", TOKENS + "?displayName=CI", 409, "{\"code\":\"conflict\",\"message\":\"2 of your tokens are named 'CI'\","
                + "\"tokenIds\":[\"u1\",\"u3\"]}");
        server.on("GET", TOKENS, 200, "{\"tokens\":[" + info("u3", "rill_usr_CCCCCCCCCC", "CI", "2024-03-01T10:00:00Z") + ","
                + info("u2", "rill_usr_BBBBBBBBBB", "Laptop", "2024-02-01T10:00:00Z") + ","
                + info("u1", "rill_usr_AAAAAAAAAA", "CI", "2024-01-01T10:00:00Z") + "],\"nextPageToken\":null}");
        server.on("DELETE", "/v1/users/-/tokens/u1", 200, "{}");
        rill.typing("3", "2");

        assertThat(rill.run("token", "revoke", "--display-name", "CI")).as(rill.err()).isZero();

        assertThat(rill.err()).contains("2 of your tokens are named 'CI'", "  1) rill_usr_CCCCCCCCCC", "  2) rill_usr_AAAAAAAAAA",
                "Type a number from 1 to 2").doesNotContain("rill_usr_BBBBBBBBBB");
        assertThat(server.paths()).last().isEqualTo("DELETE /v1/users/-/tokens/u1");
        assertThat(rill.out()).isEqualTo("Revoked rill_usr_AAAAAAAAAA ('CI').\n");
    }

    @Test
    void anAmbiguousNameCanBeAnsweredWithAllOrWithNothing() {
        server.on("DELETE", TOKENS + "?displayName=CI%20bot", 409, "{\"code\":\"conflict\",\"message\":\"ambiguous\",\"tokenIds\":[\"u1\",\"u2\"]}");
        server.on("GET", TOKENS, 200, "{\"tokens\":[" + info("u2", "rill_usr_BBBBBBBBBB", "CI bot", "2024-02-01T10:00:00Z") + ","
                + info("u1", "rill_usr_AAAAAAAAAA", "CI bot", "2024-01-01T10:00:00Z") + "],\"nextPageToken\":null}");
        server.on("DELETE", TOKENS + "?displayName=CI%20bot&all=true", 200, "{\"tokensRevoked\":2}");

        assertThat(rill.typing("").run("token", "revoke", "--display-name", "CI bot")).isEqualTo(Failure.REFUSED);
        assertThat(rill.err()).contains("Nothing was revoked.");
        assertThat(server.paths()).doesNotContain("DELETE " + TOKENS + "?displayName=CI%20bot&all=true");

        CliRun all = new CliRun(home).env("RILL_API_URL", server.url()).env("RILL_API_TOKEN", "t").typing("all");
        assertThat(all.run("token", "revoke", "--display-name", "CI bot")).isZero();
        assertThat(all.out()).isEqualTo("Revoked 2 tokens named 'CI bot'.\n");
    }

    @Test
    void revokingAllAsksFirstAndForgetsASavedLoginWhoseTokenWentWithThem() {
        server.on("DELETE", TOKENS, 200, "{\"tokensRevoked\":3}");
        CliRun saved = new CliRun(home).typing("n");
        saved.credentials().write(new Credentials(server.url(), "rill_usr_saved", "alice@acme.example"));

        assertThat(saved.run("token", "revoke", "--all")).isEqualTo(Failure.REFUSED);
        assertThat(saved.err()).contains("Revoke every token you have? Scripts using them stop working at once. [y/N]");
        assertThat(server.requests).isEmpty();

        CliRun yes = new CliRun(home).typing("y");
        assertThat(yes.run("token", "revoke", "--all")).isZero();
        assertThat(yes.out()).isEqualTo("Revoked 3 tokens.\n");
        assertThat(yes.err()).contains("run rill login to log in again");
        assertThat(yes.credentials().path()).doesNotExist();
        assertThat(server.requests).singleElement().satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer rill_usr_saved"));
    }
}
