package org.rilltokens.cli;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rilltokens.tokens.control.PlainToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;

/**
 * {@code rill login}: the OAuth 2.0 device authorization grant (RFC 8628). rill shows a link and a code,
 * the person approves it in the portal, and rill saves the token it then receives. It opens nothing itself.
 */
@Command(name = "login",
        description = {"Log in through the portal: rill shows a link and a short code, you approve them in a browser "
            + "where you are signed in, and rill saves a token that acts as you (mode 600, in ~/.rill/credentials.json).",
            "rill opens no browser itself. The code expires after 10 minutes."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  rill login",
            "  rill login --api-url https://rill.example.com",
            "  RILL_CONFIG_DIR=~/.rill-work rill login      # keep a second login apart"})
final class LoginCommand implements Callable<Integer> {

    static final String CLIENT_ID = "rill-cli";
    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    /** RFC 8628 §3.5: after slow_down, wait five seconds longer from then on. */
    static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    private final Rill rill;

    LoginCommand(Rill rill) {
        this.rill = rill;
    }

    @Override
    public Integer call() {
        Invocation io = rill.invocation();
        String url = rill.loginApiUrl();
        ApiClient server = ApiClient.anonymous(url);
        JsonObject grant = start(server, io);
        instruct(grant, io.err());
        String token = awaitApproval(server, grant, io);
        JsonObject me = new ApiClient(url, token, null).get("/v1/users/current");
        String email = me.getString("email");
        Optional<Credentials> previous = rill.readableSavedLogin();
        rill.credentialsFile().write(new Credentials(url, token, email));
        previous.ifPresent(old -> retire(old, io.err()));
        io.out().println("Logged in to " + url + " as " + email + ".");
        io.err().println("Saved the token " + token.substring(0, 19) + " in " + rill.credentialsFile().path()
                + "; rill logout revokes it.");
        return ExitCode.OK;
    }

    private static JsonObject start(ApiClient server, Invocation io) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", CLIENT_ID);
        form.put("device_name", io.hostname().get());
        return server.expectOk(server.postForm("/v1/oauth/device_authorization", form));
    }

    private static void instruct(JsonObject grant, PrintWriter err) {
        String code = grant.getString("user_code");
        err.println("To log in, open this link in a browser where you are signed in to rill-tokens:");
        err.println();
        err.println("    " + grant.getString("verification_uri_complete", grant.getString("verification_uri")));
        err.println();
        err.println("and check that the page shows the code " + code + " (or open " + grant.getString("verification_uri")
                + " and type it).");
        err.println("Waiting for approval; the code expires in " + seconds(grant, "expires_in", 600) / 60 + " minutes. "
                + "Ctrl-C cancels.");
        err.flush();
    }

    /** Polls at the server's pace until the person decides or the code expires; answers the token. */
    private static String awaitApproval(ApiClient server, JsonObject grant, Invocation io) {
        Duration interval = Duration.ofSeconds(Math.max(1, seconds(grant, "interval", 5)));
        Duration lifetime = Duration.ofSeconds(seconds(grant, "expires_in", 600));
        Map<String, String> poll = Map.of("grant_type", DEVICE_CODE_GRANT, "device_code", grant.getString("device_code"),
                "client_id", CLIENT_ID);
        Duration waited = Duration.ZERO;
        while (true) {
            io.pause().accept(interval);
            waited = waited.plus(interval);
            ApiClient.Answer answer = server.postForm("/v1/oauth/token", poll);
            if (answer.ok()) {
                return tokenOf(answer.body());
            }
            switch (answer.body().getString("error", "")) {
                case "authorization_pending" -> { }
                case "slow_down" -> interval = interval.plus(SLOW_DOWN_STEP);
                case "access_denied" -> throw Failure.refused("The login was denied in the portal. Nothing was saved.");
                case "expired_token" -> throw expired();
                default -> throw Failure.refused("The login failed: " + ApiClient.messageOf(answer));
            }
            if (waited.compareTo(lifetime) >= 0) {
                throw expired();
            }
        }
    }

    private static String tokenOf(JsonObject answer) {
        String token = answer.getString("access_token", "");
        if (!token.startsWith(PlainToken.PREFIX)) {
            throw Failure.refused("The server approved the login but sent no user token");
        }
        return token;
    }

    private static Failure expired() {
        return Failure.refused("The code expired before it was approved. Run rill login again for a new one.");
    }

    private static long seconds(JsonObject grant, String field, long fallback) {
        return grant.get(field) instanceof JsonNumber number ? number.longValue() : fallback;
    }

    /** The replaced login's token is of no use to anyone any more: revoke it if its server still knows it. */
    private static void retire(Credentials old, PrintWriter err) {
        try {
            new ApiClient(old.apiUrl(), old.token(), null).delete("/v1/users/-/tokens/current");
            err.println("Revoked the token of your previous login (" + old.email() + " at " + old.apiUrl() + ").");
        } catch (Failure alreadyGone) {
            // Revoked, expired, or its server is gone: nothing left to clean up.
        }
    }
}
