package org.rilltokens.cli;

import static java.nio.file.attribute.PosixFilePermission.OWNER_READ;
import static java.nio.file.attribute.PosixFilePermission.OWNER_WRITE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginCommandTest {

    private static final String TOKEN = "rill_usr_" + "T".repeat(61);
    private static final String OLD_TOKEN = "rill_usr_" + "O".repeat(61);
    private static final String POLL = "/v1/oauth/token";

    @TempDir
    Path home;

    FakeServer server;
    CliRun rill;

    @BeforeEach
    void start() throws Exception {
        server = new FakeServer();
        rill = new CliRun(home);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void grant(int interval, int expiresIn) {
        server.on("POST", "/v1/oauth/device_authorization", 200, "{\"device_code\":\"dc-secret\",\"user_code\":\"WDJB-MJHT\","
                + "\"verification_uri\":\"" + server.url() + "/activate\",\"verification_uri_complete\":\"" + server.url()
                + "/activate?code=WDJB-MJHT\",\"expires_in\":" + expiresIn + ",\"interval\":" + interval + "}");
    }

    private void poll(String error) {
        server.on("POST", POLL, 400, "{\"error\":\"" + error + "\",\"error_description\":\"the server says " + error + "\"}");
    }

    private void approved() {
        server.on("POST", POLL, 200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\"}");
        server.on("GET", "/v1/users/current", 200, "{\"email\":\"alice@acme.example\",\"displayName\":\"Alice\"}");
    }

    @Test
    void pollsAtTheServersPaceSlowsDownWhenToldAndSavesTheApprovedToken() throws Exception {
        grant(2, 600);
        poll("authorization_pending");
        poll("slow_down");
        poll("authorization_pending");
        approved();

        int exit = rill.run("login", "--api-url", server.url());

        assertThat(exit).as(rill.err()).isZero();
        assertThat(rill.pauses).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(rill.err()).contains(server.url() + "/activate?code=WDJB-MJHT", "shows the code WDJB-MJHT", "expires in 10 minutes");
        assertThat(rill.out()).isEqualTo("Logged in to " + server.url() + " as alice@acme.example.\n");
        assertThat(rill.out() + rill.err()).doesNotContain(TOKEN).doesNotContain("dc-secret");
        assertThat(server.requests.get(0).body()).isEqualTo("client_id=rill-cli&device_name=laptop-42");
        assertThat(server.requests.get(1).body()).contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code",
                "device_code=dc-secret", "client_id=rill-cli");
        assertThat(server.requests).last().satisfies(me -> assertThat(me.authorization()).isEqualTo("Bearer " + TOKEN));
        assertThat(rill.credentials().read()).contains(new Credentials(server.url(), TOKEN, "alice@acme.example"));
        assertThat(Files.getPosixFilePermissions(rill.credentials().path())).containsExactlyInAnyOrder(OWNER_READ, OWNER_WRITE);
    }

    @Test
    void aDeniedLoginEndsWithExitCodeOneAndSavesNothing() {
        grant(1, 600);
        poll("access_denied");

        assertThat(rill.run("login", "--api-url", server.url())).isEqualTo(Failure.REFUSED);
        assertThat(rill.err()).contains("The login was denied in the portal. Nothing was saved.");
        assertThat(rill.credentials().path()).doesNotExist();
    }

    @Test
    void aCodeThatOutlivesItsLifetimeEndsTheLoginEvenIfTheServerKeepsWaiting() {
        grant(2, 5);
        poll("authorization_pending");

        assertThat(rill.run("login", "--api-url", server.url())).isEqualTo(Failure.REFUSED);
        assertThat(rill.err()).contains("The code expired before it was approved. Run rill login again");
        assertThat(rill.pauses).hasSize(3);
    }

    @Test
    void anExpiredTokenAnswerOrAnUnknownErrorIsShownAsTheServerPutsIt() {
        grant(1, 600);
        poll("invalid_grant");

        assertThat(rill.run("login", "--api-url", server.url())).isEqualTo(Failure.REFUSED);
        assertThat(rill.err()).contains("The login failed: the server says invalid_grant");
    }

    @Test
    void aDamagedSavedLoginDoesNotStandInTheWayOfANewOne() throws Exception {
        Files.createDirectories(rill.credentials().path().getParent());
        Files.writeString(rill.credentials().path(), "not json");
        grant(1, 600);
        approved();

        assertThat(rill.run("login", "--api-url", server.url())).as(rill.err()).isZero();
        assertThat(rill.credentials().read().orElseThrow().token()).isEqualTo(TOKEN);
    }

    @Test
    void aNewLoginRevokesThePreviousLoginsTokenOnItsServer() {
        rill.credentials().write(new Credentials(server.url(), OLD_TOKEN, "old@acme.example"));
        server.on("DELETE", "/v1/users/-/tokens/current", 200, "{}");
        grant(1, 600);
        approved();

        assertThat(rill.run("login")).as(rill.err()).isZero();

        assertThat(server.requests).filteredOn(r -> r.method().equals("DELETE"))
                .singleElement().satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + OLD_TOKEN));
        assertThat(rill.err()).contains("Revoked the token of your previous login");
        assertThat(rill.credentials().read().orElseThrow().token()).isEqualTo(TOKEN);
    }
}
