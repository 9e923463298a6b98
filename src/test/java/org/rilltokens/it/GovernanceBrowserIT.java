package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Token governance in headless Chromium: the expirations the portal offers under the service's policy, an org
 * admin revoking a member's token from the organization's Tokens tab, and the owner reading who did it and why.
 */
@ExtendWith(TestServer.class)
@Tag(TestServer.ONE_DATABASE)
class GovernanceBrowserIT {

    @RegisterExtension
    static final BrowserPerClass chromium = new BrowserPerClass("failed-");

    Browser browser;

    Http http;
    String root;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void newVisitor(Http server) {
        http = server;
        http.probe("forget-sign-ins");
        root = http.probe("superuser?email=gov-browser-root-" + run + "@test.example").raw().body();
        browser = chromium.browser();
        browser.reset(http.base);
    }

    /** A person who can sign in with "password-" + email; answers their first token. */
    private String person(String name) {
        return http.probe("user?email=" + email(name)).raw().body();
    }

    private String email(String name) {
        return name + "-" + run + "@test.example";
    }

    @Test
    void thePortalOffersOnlyTheExpirationsThePolicyAllowsAndSaysWhy() {
        person("limited");
        try {
            assertThat(http.put("/v1/superuser/token-policy", root, "{\"maxLifetimeMinutes\":10080}").status()).isEqualTo(200);
            browser.signIn(email("limited"), "password-" + email("limited"));
            List<String> offered = new Select(browser.field("Expiration")).getOptions().stream().map(WebElement::getText).toList();
            assertThat(offered).containsExactly("1 day", "7 days", "Custom (minutes)");
            assertThat(new Select(browser.field("Expiration")).getFirstSelectedOption().getText()).isEqualTo("7 days");
            assertThat(browser.main()).contains("This service allows tokens to live at most 7 days.");

            browser.type("Display name", "too long");
            browser.choose("Expiration", "Custom (minutes)");
            browser.type("Custom expiration in minutes", "20160");
            browser.press("Create token");
            assertThat(browser.errorBeside("Custom expiration in minutes")).contains("at most 7 days");
        } finally {
            http.put("/v1/superuser/token-policy", root, "{\"maxLifetimeMinutes\":null,\"expirationRequired\":false}");
        }
    }

    @Test
    void anOrgAdminRevokesAMembersTokenAndTheOwnerSeesWhoAndWhy() {
        String org = "govb-" + run;
        assertThat(http.post("/v1/organizations", root, "{\"name\":\"" + org + "\"}").status()).isEqualTo(201);
        person("boss");
        String worker = person("worker");
        for (String[] member : new String[][] {{"boss", "admin"}, {"worker", "viewer"}}) {
            assertThat(http.post("/v1/organizations/" + org + "/members", root, "{\"email\":\"" + email(member[0])
                    + "\",\"role\":\"" + member[1] + "\"}").status()).isBetween(200, 201);
        }
        JsonObject workers = http.get("/v1/users/current/tokens", worker).json().getJsonArray("tokens").getJsonObject(0);
        String prefix = workers.getString("prefix");

        browser.signIn(email("boss"), "password-" + email("boss"));
        browser.open("/organization?org=" + org);
        browser.follow("Token oversight");
        assertThat(browser.path()).startsWith("/org-tokens");
        Map<String, String> row = browser.table("Owner").stream().filter(cells -> email("worker").equals(cells.get("Owner")))
                .findFirst().orElseThrow(() -> new AssertionError(browser.main()));
        assertThat(row.get("ID")).isEqualTo(prefix);
        assertThat(row.get("Here")).isEqualTo("Reaches it");
        assertThat(browser.main()).doesNotContain(worker);

        browser.pressLabelled("Revoke " + prefix + " of " + email("worker"));
        assertThat(browser.confirmation()).contains("Revoke " + prefix, email("worker"));
        browser.press("Revoke " + prefix);
        assertThat(browser.messages()).contains("Revoked " + prefix);
        assertThat(http.get("/v1/users/current", worker).status()).isEqualTo(401);
        assertThat(browser.table("Owner")).extracting(cells -> cells.get("ID")).doesNotContain(prefix);

        browser.follow("Audit trail");
        assertThat(browser.main()).contains("token.revoke-by-admin");

        browser.reset(http.base);
        browser.signIn(email("worker"), "password-" + email("worker"));
        Map<String, String> revoked = browser.token("first");
        assertThat(revoked.get("Status")).contains("Revoked", "by " + email("boss"), "revoked by an admin of organization " + org);
        assertThat(browser.driver.findElements(By.xpath("//input[@value='Rotate']"))).isEmpty();

        browser.follow("Activity");
        assertThat(browser.main()).contains("token.revoke-by-admin", email("boss"));
    }
}
