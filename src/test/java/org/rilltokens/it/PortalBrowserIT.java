package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The portal as people use it, in headless Chromium: one browser for the whole class. Also the same portal without JavaScript (plain HTTP forms) and the
 * response headers of every page.
 */
@ExtendWith(TestServer.class)
@Tag(TestServer.ONE_DATABASE)
class PortalBrowserIT {

    static final String WRONG = "The email or password is not right. Check both and try again.";
    static final Path SCREENSHOTS = Path.of(System.getProperty("rill.war", "target/rill-tokens.war")).getParent().resolve("screenshots");

    static Browser browser;

    Http http;

    @RegisterExtension
    final TestWatcher keepFailures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            browser.savePage("failed-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start(SCREENSHOTS);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void newVisitor(Http server) {
        http = server;
        // Other test classes share the server: forget their sign-in failures and the demo users' tokens they left.
        // (A server without the probe is cleaned by the classes themselves: their demo tokens are revoked after them.)
        if (TestServer.hasProbe()) {
            http.probe("forget-sign-ins");
            http.probe("sql?update=" + java.net.URLEncoder.encode("DELETE FROM user_tokens WHERE owner_id IN (SELECT id FROM users"
                    + " WHERE email IN ('alice@acme.example', 'bob@acme.example', 'carol@partner.example', 'dave@acme.example',"
                    + " 'erin@acme.example'))", java.nio.charset.StandardCharsets.UTF_8));
        }
        browser.reset(http.base);
    }

    @AfterAll
    static void forgetFailedSignIns(Http server) {
        if (TestServer.hasProbe()) {
            server.probe("forget-sign-ins");
        }
    }

    @AfterEach
    void pagesKeptToTheirContentSecurityPolicy(TestInfo test) {
        assertThat(browser.problems()).as("console of " + test.getDisplayName()).isEmpty();
    }

    // ---------------------------------------------------------------- sign in

    @Test
    @Tag(TestServer.ANY_SERVER)
    void signInNeverSaysWhichFieldWasWrongAndLandsOnThePageAskedFor() {
        browser.open("/access");
        assertThat(browser.path()).isEqualTo("/login");

        browser.signIn("bob@acme.example", "not-bobs-password");
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.messages()).isEqualTo(WRONG);
        browser.signIn("nobody@acme.example", "demo-bob");
        assertThat(browser.messages()).isEqualTo(WRONG);

        browser.signIn("bob@acme.example", "demo-bob");
        assertThat(browser.path()).isEqualTo("/access");
        assertThat(browser.heading()).isEqualTo("What your tokens can reach");
        assertThat(browser.header()).contains("rill-tokens", "Tokens", "Access", "Bob Viewer", "bob@acme.example");

        browser.press("Sign out");
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.main()).contains("You are signed out.");
        browser.open("/access");
        assertThat(browser.path()).startsWith("/login");
    }

    @Test
    void repeatedFailuresPauseSignInForThatAccountAndThePageSaysHowLong() {
        String email = newUser("throttled", false);
        for (int attempt = 1; attempt <= 4; attempt++) {
            browser.signIn(email, "wrong-" + attempt);
            assertThat(browser.messages()).isEqualTo(WRONG);
        }
        browser.signIn(email, "wrong-5");
        assertThat(browser.messages()).isEqualTo(WRONG + " Too many failed attempts: wait 30 seconds before the next one.");

        browser.signIn(email, password(email));
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.messages()).matches("Too many failed sign-ins for this email or from your network\\. "
                + "Wait (29|30) seconds, then try again\\.");

        browser.signIn("carol@partner.example", "demo-carol");
        assertThat(browser.heading()).as("another account from the same address").isEqualTo("Personal access tokens");
    }

    @Test
    void manyFailuresFromOneAddressPauseEverySignInFromIt() {
        // Twenty failures spread over five accounts, each below its own limit (four of its five free attempts): the
        // twentieth from the address earns the pause, whatever the account.
        Portal portal = new Portal(http.base);
        int failures = 0;
        for (int account = 1; account <= 5; account++) {
            String email = newUser("guess" + account, false);
            for (int attempt = 1; attempt <= 4; attempt++) {
                String html = signIn(portal, email, "guess-" + attempt).html();
                if (++failures < 20) {
                    assertThat(html).contains(WRONG).doesNotContain("Too many");
                } else {
                    assertThat(html).contains(WRONG + " Too many failed attempts: wait 30 seconds before the next one.");
                }
            }
        }
        Portal.Page paused = signIn(portal, "alice@acme.example", "demo-alice");
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.html()).contains("Too many failed sign-ins for this email or from your network");

        http.probe("forget-sign-ins");
        assertThat(signIn(new Portal(http.base), "alice@acme.example", "demo-alice").status()).isEqualTo(302);
    }

    @Test
    void anEndedSessionAsksToSignInAgainAndReturnsToThePage() {
        String email = newUser("sam", true);
        signInAs(email);
        browser.open("/access");

        browser.loseSession();
        browser.reload();
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.main()).contains("Your session ended. Sign in again to continue where you left off.");
        browser.signIn(email, password(email));
        assertThat(browser.path()).isEqualTo("/access");

        browser.open("/");
        browser.type("Display name", "sent after the session ended");
        browser.loseSession();
        browser.press("Create token");
        assertThat(browser.main()).contains("Your session ended");
        browser.signIn(email, password(email));
        assertThat(browser.heading()).isEqualTo("Personal access tokens");
        assertThat(browser.tokenNames()).as("a form is never replayed after sign-in").containsExactly("first");
    }

    @Test
    void aFormFromAPageOfAnEarlierSessionAsksToRetryAndChangesNothing() {
        String email = newUser("tia", true);
        signInAs(email);
        String oldTab = browser.driver.getWindowHandle();
        browser.type("Display name", "from the old tab");

        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.open("/");
        browser.press("Sign out");
        browser.signIn(email, password(email));
        browser.driver.close();
        browser.driver.switchTo().window(oldTab);

        browser.press("Create token");
        assertThat(browser.heading()).isEqualTo("This page expired");
        assertThat(browser.main()).contains("Nothing was changed").doesNotContain("Exception");
        assertThat(browser.driver.getPageSource()).doesNotContain("ViewExpiredException", "at com.sun.faces");
        assertThat(browser.header()).contains("Sign out");

        browser.follow("Reload the page and try again");
        assertThat(browser.heading()).isEqualTo("Personal access tokens");
        assertThat(browser.tokenNames()).containsExactly("first");
    }

    // ---------------------------------------------------------------- tokens

    @Test
    @Tag(TestServer.ANY_SERVER)
    void bobIssuesCopiesUsesAndRevokesATokenWithoutReadingAnyDocumentation() {
        browser.open("/");
        browser.signIn("bob@acme.example", "demo-bob");
        assertThat(browser.main()).contains("No tokens yet", "curl -H \"Authorization: Bearer rill_usr_…\" " + http.base + "/v1/users/current");

        issue("My laptop", "7 days");
        String token = browser.field("Token").getDomProperty("value");
        assertThat(token).startsWith("rill_usr_").hasSize(70);
        assertThat(browser.field("Token").getAttribute("readonly")).isEqualTo("true");
        assertThat(browser.main()).contains("store it like a password", "It will not be shown again",
                "curl -H \"Authorization: Bearer " + token + "\" " + http.base + "/v1/users/current");

        browser.field("Token").click();
        browser.keys(Keys.TAB);
        WebElement copy = browser.focused();
        assertThat(copy.getText()).isEqualTo("Copy");
        browser.keys(Keys.ENTER);
        browser.await("Copy says Copied", () -> copy.getText().equals("Copied"));
        assertThat(browser.main()).contains("Copied to the clipboard.");
        browser.field("Filter").click();
        browser.paste();
        assertThat(browser.field("Filter").getDomProperty("value")).as("pasted from the clipboard").isEqualTo(token);

        assertThat(http.get("/v1/users/current", token).json().getString("email")).isEqualTo("bob@acme.example");
        http.usageWritten();
        browser.reload();
        assertThat(browser.hasField("Token")).as("shown once only").isFalse();
        assertThat(browser.driver.getPageSource()).doesNotContain(token.substring(19));
        Map<String, String> row = browser.token("My laptop");
        assertThat(row.get("ID")).isEqualTo(token.substring(0, 19));
        assertThat(row.get("Expires")).isEqualTo("in 7 days");
        assertThat(row.get("Last used")).matches("just now from (127\\.0\\.0\\.1|0:0:0:0:0:0:0:1)");
        assertThat(browser.titleIn("My laptop", "Last used")).contains("UTC", "Java-http-client");

        browser.follow("Access");
        browser.back();
        assertThat(browser.hasField("Token")).as("not shown after going back").isFalse();
        assertThat(browser.driver.getPageSource()).doesNotContain(token.substring(19));
        assertThat(browser.count()).isEqualTo("1 token");

        browser.revoke("My laptop");
        assertThat(browser.confirmation()).contains("Revoke " + token.substring(0, 19) + " “My laptop”?");
        browser.press("Revoke " + token.substring(0, 19));
        assertThat(browser.messages()).contains("Revoked " + token.substring(0, 19) + " “My laptop”. Anything still using it now gets 401");
        assertThat(browser.main()).contains("No tokens yet");
        assertThat(http.get("/v1/users/current", token).status()).isEqualTo(401);
    }

    @Test
    void aReadOnlyTokenForOneProjectIsIssuedListedAndExplainedAsSuch() {
        browser.open("/");
        browser.signIn("alice@acme.example", "demo-alice");
        browser.type("Display name", "assistant");
        browser.check("Only these projects");
        browser.check("acme/sales");
        browser.check("Read-only");
        browser.press("Create token");

        String token = browser.field("Token").getDomProperty("value");
        assertThat(browser.main()).contains("Access: acme/sales · read-only",
                "curl -H \"Authorization: Bearer " + token + "\" " + http.base + "/v1/organizations/acme/projects/sales/runtime/api/openapi");
        assertThat(http.get("/v1/organizations/acme/projects/sales/runtime/api/openapi", token).status()).isEqualTo(200);
        assertThat(http.get("/v1/organizations/acme/projects/ops/runtime/api/openapi", token).status()).isEqualTo(403);
        assertThat(http.post("/v1/users/current/tokens", token, "{\"displayName\":\"x\"}").status()).isEqualTo(403);

        browser.reload();
        assertThat(browser.token("assistant").get("Access")).isEqualTo("acme/sales · read-only");

        browser.follow("Access");
        browser.choose("Token", token.substring(0, 19) + " — assistant");
        browser.press("Show");
        assertThat(browser.table("This token gets")).containsExactly(
                Map.of("Project", "acme/ops", "This token gets", "not included: answered 403"),
                Map.of("Project", "acme/sales", "This token gets", "admin, read-only (data APIs and MCP only)"));
    }

    @Test
    void rotatingShowsTheNewTokenOnceAndTheOldSecretKeepsWorkingOnlyForTheChosenGrace() {
        browser.open("/");
        browser.signIn("bob@acme.example", "demo-bob");
        issue("deploy key", "30 days");
        String old = browser.field("Token").getDomProperty("value");
        browser.reload();

        browser.pressInRow("deploy key", "Rotate");
        assertThat(browser.confirmation()).contains("Rotate " + old.substring(0, 19) + " “deploy key”?");
        browser.choose("The old secret", "Keep it working for 1 hour");
        browser.press("Rotate " + old.substring(0, 19));

        String rotated = browser.field("Token").getDomProperty("value");
        assertThat(rotated).startsWith("rill_usr_").isNotEqualTo(old);
        assertThat(browser.messages()).contains("Rotated " + old.substring(0, 19) + " “deploy key” into " + rotated.substring(0, 19),
                "keeps working for 1 hour");
        assertThat(http.get("/v1/users/current", old).status()).as("within the grace").isEqualTo(200);
        assertThat(http.get("/v1/users/current", rotated).status()).isEqualTo(200);
        browser.reload();
        assertThat(browser.hasField("Token")).as("shown once only").isFalse();
        assertThat(browser.tokens()).extracting(row -> row.get("Display name")).containsExactly("deploy key", "deploy key");

        browser.pressInRow("deploy key", "Rotate");
        browser.press("Rotate " + rotated.substring(0, 19));
        assertThat(http.get("/v1/users/current", rotated).status()).as("rotated again without grace").isEqualTo(401);
    }

    @Test
    void onlyTheseProjectsWithNoProjectTickedAsksForOneAndIssuesNothing() {
        browser.open("/");
        browser.signIn("alice@acme.example", "demo-alice");
        browser.type("Display name", "nothing ticked");
        browser.check("Only these projects");
        browser.press("Create token");

        assertThat(browser.hasField("Token")).isFalse();
        assertThat(browser.messages() + browser.main()).contains("Tick at least one project, or choose All my access");
        assertThat(browser.tokenNames()).doesNotContain("nothing ticked");
    }

    @Test
    void issueWithEveryPresetACustomNumberOfMinutesOrNoExpiration() {
        signInAs(newUser("ivy", false));

        browser.type("Display name", "   ");
        browser.press("Create token");
        assertThat(browser.errorBeside("Display name")).isEqualTo("Display name is required: say what the token is for");
        assertThat(browser.count()).isEqualTo("0 tokens");

        Map<String, String> presets = new LinkedHashMap<>();
        presets.put("1 day", "in 1 day");
        presets.put("7 days", "in 7 days");
        presets.put("30 days", "in 30 days");
        presets.put("90 days", "in 3 months");
        presets.put("1 year", "in 1 year");
        int[] days = {1, 7, 30, 90, 365};
        int i = 0;
        for (Map.Entry<String, String> preset : presets.entrySet()) {
            browser.type("Display name", "preset " + preset.getKey());
            browser.choose("Expiration", preset.getKey());
            assertThat(browser.driver.findElement(By.id("expiry-preview")).getText()).contains(dateIn(days[i++] * 24L * 60));
            browser.press("Create token");
            assertThat(browser.main()).contains("Your new token “preset " + preset.getKey() + "”");
            assertThat(browser.token("preset " + preset.getKey()).get("Expires")).isEqualTo(preset.getValue());
        }

        browser.type("Display name", "custom");
        browser.choose("Expiration", "Custom (minutes)");
        assertThat(browser.field("Custom expiration in minutes").isDisplayed()).isTrue();
        browser.type("Custom expiration in minutes", "two hours");
        browser.press("Create token");
        assertThat(browser.errorBeside("Custom expiration in minutes")).isEqualTo("Enter whole minutes, for example 90 for an hour and a half");
        browser.type("Custom expiration in minutes", "5256001");
        browser.press("Create token");
        assertThat(browser.errorBeside("Custom expiration in minutes")).isEqualTo("Enter between 1 and 5256000 minutes (10 years)");
        assertThat(browser.field("Display name").getDomProperty("value")).as("what was typed stays").isEqualTo("custom");
        browser.type("Custom expiration in minutes", "120");
        assertThat(browser.driver.findElement(By.id("expiry-preview")).getText()).contains(dateIn(120));
        browser.press("Create token");
        assertThat(browser.token("custom").get("Expires")).isEqualTo("in 2 h");

        browser.type("Display name", "forever");
        browser.choose("Expiration", "No expiration (not recommended)");
        assertThat(browser.driver.findElement(By.id("no-expiry-warning")).getText()).contains("never expires keeps working until someone revokes it");
        browser.press("Create token");
        assertThat(browser.main()).contains("It never expires: revoke it when you no longer need it.");
        assertThat(browser.token("forever")).containsEntry("Expires", "Never").containsEntry("Status", "Active");
        assertThat(browser.count()).isEqualTo("7 tokens");
    }

    @Test
    void revokeOneByNameOrAllOnlyAfterAConfirmationAndSayWhatHappened() {
        String email = newUser("rex", true);
        String first = firstTokens.get(email);
        List<String> ci = List.of(issueByApi(first, "CI", 60L), issueByApi(first, "CI", null), issueByApi(first, "CI", 1440L));
        issueByApi(first, "Laptop", null);
        signInAs(email);
        assertThat(browser.count()).isEqualTo("5 tokens");

        browser.revoke("Laptop");
        assertThat(browser.confirmation()).contains("“Laptop”?", "stops working at once").doesNotContain("named");
        browser.press("Cancel");
        assertThat(browser.confirmationShown()).isFalse();
        assertThat(browser.count()).isEqualTo("5 tokens");

        browser.revoke("CI");
        browser.press("Revoke all 3 named “CI”");
        assertThat(browser.messages()).isEqualTo("Revoked 3 tokens named “CI”.");
        assertThat(browser.tokenNames()).containsExactlyInAnyOrder("first", "Laptop");
        ci.forEach(token -> assertThat(http.get("/v1/users/current", token).status()).isEqualTo(401));

        browser.driver.findElement(By.xpath("//summary[normalize-space()='Revoke all tokens']")).click();
        browser.type("Type “revoke all” to confirm", "revoke");
        browser.press("Revoke all tokens");
        assertThat(browser.errorBeside("Type “revoke all” to confirm")).isEqualTo("Type “revoke all” to confirm. Nothing was revoked.");
        assertThat(browser.count()).isEqualTo("2 tokens");
        browser.type("Type “revoke all” to confirm", "revoke all");
        browser.press("Revoke all tokens");
        assertThat(browser.messages()).startsWith("Revoked all your tokens (2).");
        assertThat(browser.main()).contains("No tokens yet");
        assertThat(http.get("/v1/users/current", first).status()).isEqualTo(401);
    }

    @Test
    void filterAndSortTheTableByCreatedExpiresAndLastUsed() {
        String email = newUser("sol", true);
        String first = firstTokens.get(email);
        issueByApi(first, "deploy prod", 60L);
        String staging = issueByApi(first, "deploy staging", 10 * 24 * 60L);
        issueByApi(first, "laptop", 2 * 24 * 60L);
        String old = issueByApi(first, "old script", 5L);
        http.probe("expire?token=" + idOf(first, old) + "&minutesAgo=180");
        assertThat(http.get("/v1/users/current", staging).status()).isEqualTo(200);
        http.probe("flush");
        signInAs(email);

        assertThat(browser.tokenNames()).containsExactly("old script", "laptop", "deploy staging", "deploy prod", "first");
        assertThat(browser.token("old script")).containsEntry("Expires", "Expired 3 h ago").containsEntry("Status", "Expired");
        assertThat(browser.token("deploy prod")).containsEntry("Expires", "in 1 h").containsEntry("Status", "Expiring soon");
        assertThat(browser.token("laptop")).containsEntry("Expires", "in 2 days").containsEntry("Status", "Expiring soon");
        assertThat(browser.token("deploy staging")).containsEntry("Expires", "in 10 days").containsEntry("Status", "Active");
        assertThat(browser.titleIn("deploy staging", "Expires")).endsWith("UTC");
        assertThat(sortOf("Created")).isEqualTo("descending");

        browser.follow("Expires");
        assertThat(browser.tokenNames()).containsExactly("old script", "deploy prod", "laptop", "deploy staging", "first");
        assertThat(sortOf("Expires")).isEqualTo("ascending");
        assertThat(sortOf("Created")).isEqualTo("none");
        browser.follow("Expires");
        assertThat(browser.tokenNames()).containsExactly("first", "deploy staging", "laptop", "deploy prod", "old script");

        browser.follow("Last used");
        assertThat(browser.tokenNames()).containsExactly("deploy staging", "first", "old script", "laptop", "deploy prod");
        assertThat(browser.token("deploy prod").get("Last used")).isEqualTo("Never used");

        browser.type("Filter", "DEPLOY");
        browser.press("Filter");
        assertThat(browser.tokenNames()).containsExactly("deploy staging", "deploy prod");
        assertThat(browser.count()).isEqualTo("2 of 5 tokens match “DEPLOY”");
        assertThat(browser.path()).contains("sort=used", "filter=DEPLOY");
        browser.type("Filter", "nothing like it");
        browser.press("Filter");
        assertThat(browser.main()).contains("No token matches “nothing like it”.");
        browser.follow("Clear filter");
        assertThat(browser.count()).isEqualTo("5 tokens");
        assertThat(browser.tokenNames()).first().isEqualTo("deploy staging");
    }

    @Test
    void displayNamesThatLookLikeHtmlAreShownAsText() {
        signInAs(newUser("xss", false));
        String script = "<script>alert(1)</script>";
        String image = "\"><img src=x onerror=alert(1)>";

        issue(script, "1 day");
        assertThat(browser.main()).contains("Your new token “" + script + "”");
        issue(image, "1 day");
        assertThat(browser.main()).contains("Your new token “" + image + "”");
        assertThat(browser.tokenNames()).containsExactly(image, script);
        assertThat(browser.driver.findElements(By.cssSelector("main img, main script"))).isEmpty();

        browser.revoke(image);
        assertThat(browser.confirmation()).contains("“" + image + "”?");
        browser.press("Revoke " + browser.token(image).get("ID"));
        assertThat(browser.messages()).contains("“" + image + "”");
        assertThat(browser.driver.findElements(By.cssSelector("img"))).isEmpty();
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    // ---------------------------------------------------------------- access

    @Test
    @Tag(TestServer.ANY_SERVER)
    void theAccessPageShowsEffectiveRolesWhereTheyComeFromAndWhatPoliciesSee() {
        signInAs("alice@acme.example", "demo-alice");
        browser.follow("Access");
        assertThat(browser.main()).contains("Every token you create inherits exactly this access, live");
        assertThat(browser.table("Effective role")).containsExactly(
                project("ops", "admin", "via org admin role", "incidents", "link_app_db", "read_app_users", "read_file",
                        "read_sales_orders"),
                project("sales", "admin", "via org admin role", "customers_by_domain", "recent_orders", "revenue_by_product"));

        browser.reset(http.base);
        signInAs("bob@acme.example", "demo-bob");
        browser.open("/access");
        assertThat(browser.main()).contains("Your role\nviewer", "Your groups\nemea");
        assertThat(browser.table("Effective role")).containsExactly(project("sales", "viewer", "via group emea",
                "customers_by_domain", "recent_orders", "revenue_by_product"));
        assertThat(browser.table("Attribute")).containsExactly(attribute("email", "bob@acme.example"),
                attribute("domain", "acme.example"), attribute("name", "Bob Viewer"), attribute("groups", "emea"),
                attribute("region", "EMEA"));

        browser.reset(http.base);
        signInAs("carol@partner.example", "demo-carol");
        browser.open("/access");
        assertThat(browser.main()).contains("Your role\nguest (you reach only the projects shared with you)");
        assertThat(browser.table("Effective role")).containsExactly(project("sales", "viewer", "direct",
                "customers_by_domain — refused by its security policy", "recent_orders", "revenue_by_product"));

        browser.reset(http.base);
        signInAs("erin@acme.example", "demo-erin");
        browser.open("/access");
        assertThat(browser.main()).contains("No organizations yet");
    }

    // ---------------------------------------------------------------- layout

    @Test
    void theTokensPageFitsAPhoneAndFollowsTheColourScheme() {
        signInAs("carol@partner.example", "demo-carol");
        issue("nightly export", "30 days");
        String nightly = browser.field("Token").getDomProperty("value");
        issue("CI deploy", "7 days");
        assertThat(http.get("/v1/users/current", nightly).status()).isEqualTo(200);
        http.probe("flush");
        issue("Local development", "90 days");
        assertThat(browser.token("nightly export").get("Last used")).startsWith("just now from");
        browser.screenshot("tokens-desktop");

        browser.resize(Browser.PHONE);
        assertThat(overflow()).as("no sideways scrolling on a phone").isFalse();
        WebElement expires = browser.driver.findElement(By.cssSelector("table.tokens td[data-label='Expires']"));
        assertThat(browser.script("return getComputedStyle(arguments[0], '::before').content;", expires)).isEqualTo("\"Expires\"");
        browser.screenshot("tokens-phone");
        browser.open("/access");
        assertThat(overflow()).isFalse();

        browser.resize(Browser.DESKTOP);
        browser.open("/");
        browser.colorScheme("dark");
        assertThat(browser.script("return getComputedStyle(document.body).backgroundColor;")).isEqualTo("rgb(13, 17, 23)");
        browser.screenshot("tokens-dark");
        browser.colorScheme("light");
        assertThat(browser.script("return getComputedStyle(document.body).backgroundColor;")).isEqualTo("rgb(255, 255, 255)");
    }

    // ---------------------------------------------------------------- plain HTTP

    @Test
    @Tag(TestServer.ANY_SERVER)
    void aSignInPostedFromAnotherSiteIsRefused() {
        Portal portal = new Portal(http.base);
        Portal.Page forged = portal.submitFrom(portal.get("/login").form("signin").fill("Email", "alice@acme.example")
                .fill("Password", "demo-alice").press("Sign in"), "https://evil.example");
        assertThat(forged.html()).contains("did not come from this site");
        assertThat(portal.get("/").status()).isEqualTo(302);

        Portal.Page own = portal.submitFrom(portal.get("/login").form("signin").fill("Email", "alice@acme.example")
                .fill("Password", "demo-alice").press("Sign in"), http.base);
        assertThat(own.status()).isEqualTo(302);
        assertThat(portal.get("/").status()).isEqualTo(200);
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void withoutJavaScriptTheWholePortalWorksThroughPlainForms() {
        Portal portal = new Portal(http.base);
        Portal.Page bookmarked = portal.get("/?sort=expires&order=asc");
        assertThat(bookmarked.status()).isEqualTo(302);
        assertThat(bookmarked.location()).endsWith("/login");
        String sessionBefore = portal.sessionCookie().orElse("");

        Portal.Page signedIn = signIn(portal, "Dave@Acme.example", "demo-dave");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).endsWith("/?sort=expires&order=asc");
        assertThat(portal.sessionCookie()).isPresent().get().isNotEqualTo(sessionBefore);

        Portal.Page home = portal.get("/");
        assertThat(home.html()).contains("Personal access tokens", "dave@acme.example", "No tokens yet");
        Portal.Page rejected = portal.submit(home.form("issue").fill("Display name", "   ").press("Create token"));
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.html()).contains("Display name is required");

        Portal.Form form = portal.get("/").form("issue").fill("Display name", "From a plain form")
                .fill("Expiration", String.valueOf(7 * 24 * 60)).press("Create token");
        Portal.Page issued = portal.submit(form);
        assertThat(issued.status()).isEqualTo(302);
        Portal.Page shown = portal.get(issued.location());
        String token = shown.readOnlyValue("Token").orElseThrow(() -> new AssertionError("token not shown:\n" + shown.html()));
        assertThat(token).hasSize(70).startsWith("rill_usr_");
        assertThat(http.get("/v1/users/current", token).json().getString("email")).isEqualTo("dave@acme.example");

        Portal.Page resent = portal.submit(form);
        assertThat(resent.status()).as("the same form sent again").isEqualTo(302);
        Portal.Page reloaded = portal.get("/");
        assertThat(reloaded.readOnlyValue("Token")).isEmpty();
        assertThat(reloaded.html()).doesNotContain(token).contains("1 token", token.substring(0, 19));

        Portal.Page asked = portal.submit(reloaded.form("tokens").press("Revoke"));
        assertThat(asked.html()).contains("Revoke <code>" + token.substring(0, 19) + "</code>");
        Portal.Page revoked = portal.submit(asked.form("tokens").press("Revoke " + token.substring(0, 19)));
        assertThat(revoked.status()).isEqualTo(302);
        assertThat(portal.get(revoked.location()).html()).contains("Revoked " + token.substring(0, 19), "No tokens yet");
        assertThat(http.get("/v1/users/current", token).status()).isEqualTo(401);

        portal.submit(portal.get("/").form("account").press("Sign out"));
        assertThat(portal.get("/").status()).isEqualTo(302);
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void everyPageSendsTheSecurityHeaders() {
        Portal portal = new Portal(http.base);
        assertSecurityHeaders(portal.get("/login"));
        Portal.Page signedIn = signIn(portal, "alice@acme.example", "demo-alice");
        String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        Portal.Page tokens = portal.get("/");
        for (Portal.Page page : List.of(tokens, portal.get("/access"), portal.get("/signout"), portal.get("/no/such/page"))) {
            assertSecurityHeaders(page);
        }
        assertThat(portal.get("/no/such/page").status()).isEqualTo(404);

        Portal.Page expired = portal.submit(tokens.form("issue").fill("Display name", "never issued")
                .set("jakarta.faces.ViewState", "1234:5678").press("Create token"));
        assertSecurityHeaders(expired);
        assertThat(expired.html()).contains("This page expired").doesNotContain("Exception");
        assertThat(portal.get("/").html()).contains("No tokens yet");

        assertThat(portal.get("/static/favicon.svg").header("Cache-Control")).as("static files may be cached").isNull();
    }

    private static void assertSecurityHeaders(Portal.Page page) {
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'", "script-src 'self'",
                "style-src 'self'", "frame-ancestors 'none'", "form-action 'self'").doesNotContain("unsafe");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
    }

    // ---------------------------------------------------------------- helpers

    private final Map<String, String> firstTokens = new LinkedHashMap<>();

    /** A fresh user, so that tests never see each other's tokens; the first token (if any) is kept. */
    private String newUser(String name, boolean withToken) {
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
        Http.Answer answer = http.probe("user?email=" + email + (withToken ? "" : "&token=false"));
        assertThat(answer.status()).isEqualTo(200);
        if (withToken) {
            firstTokens.put(email, answer.raw().body());
        }
        return email;
    }

    private static String password(String email) {
        return "password-" + email;
    }

    private void signInAs(String email) {
        signInAs(email, password(email));
    }

    private void signInAs(String email, String password) {
        browser.open("/");
        browser.signIn(email, password);
        assertThat(browser.path()).as("signed in as " + email).doesNotStartWith("/login");
    }

    private void issue(String displayName, String expiration) {
        browser.type("Display name", displayName);
        browser.choose("Expiration", expiration);
        browser.press("Create token");
        assertThat(browser.hasField("Token")).as("new token shown for " + displayName).isTrue();
    }

    private String issueByApi(String token, String displayName, Long ttlMinutes) {
        String body = "{\"displayName\":" + Http.quote(displayName) + (ttlMinutes == null ? "" : ",\"ttlMinutes\":" + ttlMinutes) + "}";
        Http.Answer answer = http.post("/v1/users/current/tokens", token, body);
        assertThat(answer.status()).isEqualTo(201);
        return answer.json().getString("token");
    }

    /** The id of {@code token}, looked up with {@code asking} (looking it up with itself would count as a use). */
    private String idOf(String asking, String token) {
        return http.get("/v1/users/current/tokens", asking).json().getJsonArray("tokens").getValuesAs(JsonObject.class).stream()
                .filter(info -> token.startsWith(info.getString("prefix"))).findFirst().orElseThrow().getString("id");
    }

    private static Portal.Page signIn(Portal portal, String email, String password) {
        return portal.submit(portal.get("/login").form("signin").fill("Email", email).fill("Password", password).press("Sign in"));
    }

    private static String sortOf(String column) {
        return browser.driver.findElement(By.xpath("//table[contains(@class,'tokens')]//th[a[normalize-space()=" + Browser.literal(column)
                + "]]")).getDomAttribute("aria-sort");
    }

    /** The date the page's script shows for a token made now that lives {@code minutes} (in the browser's zone, this machine's). */
    private static String dateIn(long minutes) {
        return LocalDateTime.now().plusMinutes(minutes).format(DateTimeFormatter.ofPattern("yyyy-MM-dd"));
    }

    private static boolean overflow() {
        return (Boolean) browser.script("return document.documentElement.scrollWidth > window.innerWidth;");
    }

    private static Map<String, String> project(String name, String role, String source, String... apis) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("Project", name);
        row.put("Effective role", role);
        row.put("Comes from", source);
        row.put("Also granted", "—");
        row.put("APIs your tokens can call", apis.length == 0 ? "none" : String.join("\n", apis));
        return row;
    }

    private static Map<String, String> attribute(String name, String value) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("Attribute", name);
        row.put("Value", value);
        return row;
    }
}
