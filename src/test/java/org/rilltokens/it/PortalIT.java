package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The portal over plain HTTP: sign in with the demo account, issue a token, use it, revoke it. */
@ExtendWith(ArquillianExtension.class)
class PortalIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    URL deployed;

    private Portal.Page signIn(Portal portal, String email, String password) {
        Portal.Page login = portal.get("/login");
        assertThat(login.status()).isEqualTo(200);
        return portal.submit(login.form("signin").fill("Email", email).fill("Password", password).press("Sign in"));
    }

    @Test
    void signInIssueUseAndRevokeATokenFromTheTokensPage() {
        Http http = new Http(deployed);
        Portal portal = new Portal(http.base);

        Portal.Page bookmarked = portal.get("/?sort=created");
        assertThat(bookmarked.status()).isEqualTo(302);
        assertThat(bookmarked.location()).endsWith("/login");
        String sessionBefore = portal.sessionCookie().orElse("");

        Portal.Page signedIn = signIn(portal, "Alice@Acme.example", "demo-alice");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).endsWith("/?sort=created");
        assertThat(portal.sessionCookie()).isPresent().get().isNotEqualTo(sessionBefore);

        Portal.Page home = portal.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.html()).contains("Personal access tokens", "alice@acme.example");
        assertThat(home.readOnlyValue("Token")).isEmpty();

        Portal.Page rejected = portal.submit(home.form("issue").fill("Display name", "   ").press("Create token"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.html()).contains("Display name is required");

        Portal.Page issued = portal.submit(portal.get("/").form("issue").fill("Display name", "From the portal")
                .fill("Expiration", String.valueOf(7 * 24 * 60)).press("Create token"));
        assertThat(issued.status()).isEqualTo(302);
        Portal.Page shown = portal.get(issued.location());
        String token = shown.readOnlyValue("Token").orElseThrow(() -> new AssertionError("token not shown:\n" + shown.html()));
        assertThat(token).hasSize(70).startsWith("rill_usr_");
        assertThat(shown.html()).contains("will not be shown again", "curl -H \"Authorization: Bearer " + token);

        Http.Answer me = http.get("/v1/users/current", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getString("email")).isEqualTo("alice@acme.example");

        Portal.Page reloaded = portal.get("/");
        assertThat(reloaded.readOnlyValue("Token")).isEmpty();
        assertThat(reloaded.html()).doesNotContain(token).contains(token.substring(0, 19), "From the portal");

        Portal.Page revoked = portal.submit(reloaded.form("tokens").press("Revoke", 0));
        assertThat(revoked.html()).contains("Revoked " + token.substring(0, 19));
        assertThat(http.get("/v1/users/current", token).status()).isEqualTo(401);

        portal.submit(portal.get("/").form("account").press("Sign out"));
        assertThat(portal.get("/").status()).isEqualTo(302);
    }

    @Test
    void aWrongPasswordOrUnknownEmailGetsTheSameMessage() {
        Http http = new Http(deployed);
        Portal portal = new Portal(http.base);

        Portal.Page wrongPassword = signIn(portal, "alice@acme.example", "not-her-password");
        Portal.Page unknownEmail = signIn(portal, "nobody@acme.example", "demo-alice");

        assertThat(wrongPassword.status()).isEqualTo(200);
        assertThat(wrongPassword.html()).contains("The email or password is not right");
        assertThat(unknownEmail.html()).contains("The email or password is not right");
        assertThat(portal.get("/").status()).isEqualTo(302);
    }
}
