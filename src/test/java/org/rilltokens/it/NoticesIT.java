package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Notices (issue 15): the emails the shared test server sends to the SMTP server in this JVM ({@link Mailbox}) when
 * a token is created, rotated or comes within 7 days of its end, and for invitations; the tokens page's banner.
 */
@ExtendWith(TestServer.class)
class NoticesIT {

    private static final String TOKENS = "/v1/users/current/tokens";
    private static final int DAY = 1440;
    static Browser browser;

    Http http;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start(BrowserPerClass.SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void connect(Http server) {
        Assumptions.assumeTrue(Mailbox.isRunning(), "the test server sends its mail to this JVM");
        http = server;
        if (TestServer.hasProbe()) {
            http.probe("forget-sign-ins");
        }
        browser.reset(http.base);
    }

    /** A person (password "password-" + email) with a first token; answers the token. */
    private String person(String email) {
        Assumptions.assumeTrue(TestServer.hasProbe(), "needs the test probe");
        return http.probe("user?email=" + email).raw().body();
    }

    private JsonObject issue(String token, String name, int ttlMinutes) {
        Http.Answer answer = http.post(TOKENS, token, "{\"displayName\":" + Http.quote(name) + ",\"ttlMinutes\":" + ttlMinutes + "}");
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json();
    }

    /** The mails to {@code email} once anything still being sent has had time to arrive. */
    private static List<Mailbox.Mail> settled(String email) throws InterruptedException {
        Thread.sleep(1500);
        return Mailbox.to(email);
    }

    private static String mailedLink(Mailbox.Mail mail) {
        Matcher link = Pattern.compile("(http://\\S+/invite#\\S+)").matcher(mail.text());
        assertThat(link.find()).as(mail.text()).isTrue();
        return link.group(1);
    }

    private static List<Mailbox.Mail> about(List<Mailbox.Mail> mails, String text) {
        return mails.stream().filter(mail -> mail.subject().contains(text)).toList();
    }

    @Test
    void aNewOrRotatedTokensOwnerGetsOneMailNamingItButNeverItsSecret() throws Exception {
        String email = "mailed-" + run + "@test.example";
        String first = person(email);
        JsonObject issued = issue(first, "Nightly export", 30 * DAY);
        String token = issued.getString("token");
        String prefix = issued.getJsonObject("tokenInfo").getString("prefix");

        List<Mailbox.Mail> mails = Mailbox.await(email, 2);
        List<Mailbox.Mail> created = about(mails, "\"Nightly export\"");
        assertThat(created).hasSize(1);
        assertThat(created.get(0).subject()).isEqualTo("New token " + prefix + " \"Nightly export\" on your account");
        assertThat(created.get(0).text()).contains("Token:    " + prefix, "Name:     Nightly export", "revoke it now");

        String id = issued.getJsonObject("tokenInfo").getString("id");
        JsonObject rotated = http.post(TOKENS.replace("current", "-") + "/" + id + "/rotate", first, "{}").json();
        String successor = rotated.getString("token");
        List<Mailbox.Mail> rotation = about(Mailbox.await(email, 3), "was rotated");
        assertThat(rotation).hasSize(1);
        assertThat(rotation.get(0).text()).contains(successor.substring(0, 19) + " replaces " + prefix);

        for (Mailbox.Mail mail : Mailbox.to(email)) {
            for (String secret : List.of(first, token, successor)) {
                assertThat(mail.raw()).doesNotContain(secret).doesNotContain(secret.substring(19));
            }
        }
    }

    @Test
    void aTokenComingWithinSevenDaysOfItsEndIsWarnedOnceAndOneBornThatShortIsNot() throws Exception {
        String email = "expiring-" + run + "@test.example";
        String first = person(email);
        JsonObject nightly = issue(first, "Nightly export", 30 * DAY).getJsonObject("tokenInfo");
        issue(first, "Demo week", 2 * DAY);
        Mailbox.await(email, 3);
        http.probe("warn-expiring");
        assertThat(settled(email)).as("a 30-day token is not warned of").hasSize(3);

        assertThat(http.probe("expire?token=" + nightly.getString("id") + "&minutesAgo=" + -3 * DAY).raw().body()).isEqualTo("1");
        http.probe("warn-expiring");
        List<Mailbox.Mail> warned = about(Mailbox.await(email, 4), "expires on");
        assertThat(warned).hasSize(1);
        assertThat(warned.get(0).subject()).startsWith("Your token " + nightly.getString("prefix") + " \"Nightly export\" expires on ");
        assertThat(warned.get(0).text()).contains("rill token rotate " + nightly.getString("prefix"));

        http.probe("warn-expiring");
        assertThat(about(settled(email), "expires on")).as("warned once").hasSize(1);
        assertThat(Mailbox.to(email)).hasSize(4);
    }

    @Test
    void theTokensPageNamesEveryTokenThatEndsWithinSevenDays() {
        String email = "banner-" + run + "@test.example";
        String first = person(email);
        issue(first, "Nightly export", 30 * DAY);
        browser.signIn(email, "password-" + email);
        assertThat(browser.driver.findElements(By.id("expiring-tokens"))).as("no banner without such a token").isEmpty();

        String soon = issue(first, "Demo week", 2 * DAY).getJsonObject("tokenInfo").getString("prefix");
        String sooner = issue(first, "Smoke test", 60).getJsonObject("tokenInfo").getString("prefix");
        browser.open("/");

        String banner = browser.driver.findElement(By.id("expiring-tokens")).getText();
        assertThat(banner).contains("2 of your tokens expire within 7 days", soon + " “Demo week”", sooner + " “Smoke test”",
                "in 2 days").doesNotContain("Nightly export").doesNotContain("first");
        assertThat(banner.indexOf("Smoke test")).as("soonest first").isLessThan(banner.indexOf("Demo week"));
        browser.screenshot("tokens-expiring-banner");
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void anOrgAdminsInvitationIsMailedOnEveryServer() throws Exception {
        String alice = Demo.token(http.base, "alice");
        String email = "acme-invitee-" + run + "@test.example";
        Http.Answer added = http.post("/v1/organizations/acme/members", alice, "{\"email\":\"" + email + "\",\"role\":\"viewer\"}");
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        String link = added.json().getJsonObject("invite").getString("url");
        try {
            List<Mailbox.Mail> mails = Mailbox.await(email, 1);
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).text()).contains("Alice Admin invited you", "to the organization Acme Corp (acme) as viewer");
            assertThat(mailedLink(mails.get(0))).isEqualTo(link);
        } finally {
            http.delete("/v1/organizations/acme/invites/" + email, alice);
            http.delete("/v1/users/current/tokens/current", alice);
        }
    }

    @Test
    void anInvitationIsMailedWithALinkThatWorksOnceFollowedInTheBrowser() throws Exception {
        Assumptions.assumeTrue(TestServer.hasProbe(), "needs the test probe");
        String root = http.probe("superuser?email=root-" + run + "@test.example").raw().body();
        String org = "mail-" + run;
        assertThat(http.post("/v1/organizations", root, "{\"name\":\"" + org + "\",\"displayName\":\"Mail Corp\"}").status())
                .isEqualTo(201);
        String email = "invitee-" + run + "@test.example";
        JsonObject added = http.post("/v1/organizations/" + org + "/members", root,
                "{\"email\":\"" + email + "\",\"role\":\"editor\"}").json();
        String link = added.getJsonObject("invite").getString("url");

        List<Mailbox.Mail> mails = Mailbox.await(email, 1);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).isEqualTo("Invitation to Mail Corp on rill-tokens");
        String mailed = mailedLink(mails.get(0));
        assertThat(mailed).isEqualTo(link);
        assertThat(mails.get(0).text()).contains("root-" + run, "to the organization Mail Corp (" + org + ") as editor", "works once");

        browser.driver.get(mailed);
        browser.await("the invitation", () -> browser.hasField("Password again"));
        browser.type("Password", "chosen-password");
        browser.type("Password again", "chosen-password");
        browser.press("Accept invitation");
        assertThat(browser.path()).isEqualTo("/organization?org=" + org);
        assertThat(browser.header()).contains(email);
        assertThat(settled(email)).as("accepting sends nothing more").hasSize(1);
    }
}
