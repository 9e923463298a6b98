package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * The organization area of the portal in headless Chromium: an invitation from the admin's page to the new
 * person's first token, the members, groups and project pages as an admin changes them (with confirmations
 * that name the thing and messages beside the field), what a viewer may only read, and the account page.
 * Each test works with people and groups of its own and puts the demo organization back as it was.
 */
@ExtendWith(TestServer.class)
@Tag(TestServer.ONE_DATABASE)
class AdministrationBrowserIT {

    @RegisterExtension
    static final BrowserPerClass chromium = new BrowserPerClass("failed-");

    Browser browser;

    Http http;
    String alice;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void newVisitor(Http server) {
        http = server;
        http.probe("forget-sign-ins");
        alice = http.probe("user?email=alice@acme.example").raw().body();
        browser = chromium.browser();
        browser.reset(http.base);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    /** A person with an account and the password "password-" + email, who is in no organization yet. */
    private String person(String name) {
        String email = name + "-" + run + "@test.example";
        http.probe("user?email=" + email);
        return email;
    }

    @Test
    void anInvitedPersonChoosesAPasswordLandsSignedInAndTheirTokenReachesExactlyTheGrantedProject() throws Exception {
        String email = "invited-" + run + "@test.example";
        browser.signIn("alice@acme.example", "demo-alice");
        browser.follow("Organizations");
        browser.follow("Acme Corp");
        browser.follow("sales");
        assertThat(browser.heading()).isEqualTo("Project acme/sales");
        browser.type("Email", email);
        browser.choose("Project role", "viewer");
        browser.press("Give role");
        assertThat(browser.messages()).contains(email + " has no account yet", "invited as viewer of sales");
        String link = browser.field("Link").getDomProperty("value");
        assertThat(link).startsWith(http.base + "/invite#");
        browser.screenshot("invitation-link");
        browser.reload();
        assertThat(browser.driver.findElements(By.id("invite-link"))).as("the link is shown once").isEmpty();

        browser.reset(http.base);
        browser.driver.get(link);
        browser.await("the invitation", () -> browser.hasField("Password again"));
        assertThat(browser.path()).isEqualTo("/invite");
        assertThat(browser.driver.getCurrentUrl()).doesNotContain("#");
        assertThat(browser.main()).contains("Alice Admin invited you to join Acme Corp", "as guest (viewer of project sales)");
        assertThat(browser.field("Email").getDomProperty("value")).isEqualTo(email);
        browser.type("Display name", "Invited Person");
        browser.type("Password", "chosen-password");
        browser.type("Password again", "chosen-passwrod");
        browser.press("Accept invitation");
        assertThat(browser.errorBeside("Password again")).contains("differ");
        browser.type("Password", "chosen-password");
        browser.type("Password again", "chosen-password");
        browser.press("Accept invitation");
        assertThat(browser.path()).isEqualTo("/organization?org=acme");
        assertThat(browser.messages()).contains("Welcome! You joined acme.");
        assertThat(browser.header()).contains("Invited Person", email);

        browser.follow("Tokens");
        browser.type("Display name", "first token");
        browser.press("Create token");
        String token = browser.field("Token").getDomProperty("value");
        assertThat(http.get("/v1/organizations/acme/projects/sales/runtime/api/recent_orders?region=EMEA", token).status()).isEqualTo(200);
        assertThat(http.get("/v1/organizations/acme/projects/ops/runtime/api/incidents", token).status()).isEqualTo(404);

        browser.reset(http.base);
        browser.driver.get(link);
        browser.await("the refusal", () -> !browser.errorBeside("Invitation code").isEmpty());
        assertThat(browser.errorBeside("Invitation code")).contains("used already");
        assertThat(http.delete("/v1/organizations/acme/members/" + path(email), alice).status()).isEqualTo(200);
    }

    @Test
    void anAdminChangesRolesAttributesAndMembersWithConfirmationsThatNameThePerson() {
        String member = person("member");
        assertThat(http.post("/v1/organizations/acme/members", alice, "{\"email\":\"" + member + "\",\"role\":\"viewer\"}").status())
                .isEqualTo(201);
        browser.signIn("alice@acme.example", "demo-alice");
        browser.open("/members?org=acme");
        assertThat(browser.heading()).contains("Acme Corp");

        browser.type("Email", "someone@localhost");
        browser.press("Add member");
        assertThat(browser.errorBeside("Email")).contains("must be an email address");
        browser.type("Email", member);
        browser.press("Add member");
        assertThat(browser.errorBeside("Email")).contains("already a member");

        browser.chooseLabelled("Role of " + member, "editor");
        browser.pressLabelled("Change the role of " + member);
        assertThat(browser.messages()).isEqualTo(member + " is now editor.");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.xpath("//select[@aria-label='Role of "
                + member + "']"))).getFirstSelectedOption().getText()).isEqualTo("editor");

        browser.pressLabelled("Edit the attributes of " + member);
        browser.type("Attributes of " + member, "region=EMEA\ntier=gold");
        browser.press("Save attributes");
        assertThat(browser.messages()).contains("Saved the attributes of " + member);
        assertThat(row(member).get("Attributes")).contains("region=EMEA, tier=gold");
        browser.pressLabelled("Edit the attributes of " + member);
        browser.type("Attributes of " + member, "not a pair");
        browser.press("Save attributes");
        assertThat(browser.messages()).contains("NAME=VALUE");

        browser.pressLabelled("Remove " + member);
        assertThat(browser.confirmation()).contains("Remove " + member + " from acme?", "their tokens lose this organization");
        browser.press("Cancel");
        assertThat(browser.confirmationShown()).isFalse();
        browser.pressLabelled("Remove " + member);
        browser.press("Remove " + member);
        assertThat(browser.messages()).contains("Removed " + member + " from acme");
        assertThat(browser.table("Email")).extracting(r -> r.get("Email")).doesNotContain(member).contains("bob@acme.example");

        browser.follow("Audit trail");
        browser.type("Person", member);
        browser.press("Filter");
        assertThat(browser.table("When")).extracting(r -> r.get("What") + " " + r.get("Before") + " " + r.get("After") + " "
                + r.get("From").split(",")[0]).containsExactly("member.remove editor — portal",
                "member.attributes {} {region=EMEA, tier=gold} portal", "member.role viewer editor portal", "member.add — viewer rest");
        browser.open("/members?org=acme");
        browser.resize(Browser.PHONE);
        browser.screenshot("members-phone");
        browser.resize(Browser.DESKTOP);
        browser.screenshot("members");
    }

    private Map<String, String> row(String email) {
        return browser.table("Email").stream().filter(r -> email.equals(r.get("Email"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + email));
    }

    @Test
    void groupsAreMadeFilledGivenProjectRolesAndDeletedAfterAConfirmation() {
        String member = person("grouped");
        String group = "g-" + run;
        http.post("/v1/organizations/acme/members", alice, "{\"email\":\"" + member + "\",\"role\":\"viewer\"}");
        browser.signIn("alice@acme.example", "demo-alice");
        browser.open("/groups?org=acme");
        browser.type("Group name", "Not Valid");
        browser.press("Create group");
        assertThat(browser.errorBeside("Group name")).contains("lower-case letters");
        browser.type("Group name", group);
        browser.press("Create group");
        assertThat(browser.messages()).contains("Created group " + group);
        browser.choose("Add a member to " + group, member);
        browser.pressLabelled("Add the chosen member to group " + group);
        assertThat(browser.messages()).isEqualTo("Added " + member + " to group " + group + ".");

        browser.open("/project?org=acme&project=ops");
        browser.choose("Group", group);
        browser.choose("Role for the group's members", "viewer");
        browser.press("Give group role");
        assertThat(browser.messages()).contains("Group " + group + " is now viewer of ops");
        String token = http.probe("user?email=" + member).raw().body();
        assertThat(http.get("/v1/organizations/acme/projects/ops/runtime/api/incidents", token).status()).isEqualTo(200);
        assertThat(browser.main()).contains("Problems in the project's files", "broken_template.yaml:5:");

        browser.open("/groups?org=acme");
        browser.pressLabelled("Delete group " + group);
        assertThat(browser.main()).contains("Delete group " + group + "?", "Its 1 members lose the project roles");
        browser.press("Delete group " + group);
        assertThat(browser.messages()).contains("Deleted group " + group);
        assertThat(http.get("/v1/organizations/acme/projects/ops/runtime/api/incidents", token).status()).isEqualTo(404);
        http.delete("/v1/organizations/acme/members/" + path(member), alice);
    }

    @Test
    void aViewerSeesMembersAndGroupsReadOnlyAndNoAdministration() {
        browser.signIn("bob@acme.example", "demo-bob");
        browser.open("/members?org=acme");
        assertThat(browser.main()).contains("alice@acme.example", "bob@acme.example", "region=EMEA");
        assertThat(browser.hasField("Email")).isFalse();
        assertThat(browser.buttons("Change role")).isEmpty();
        assertThat(browser.buttons("Remove")).isEmpty();
        assertThat(browser.buttons("Edit attributes")).isEmpty();
        assertThat(row("dave@acme.example").get("Role")).isEqualTo("editor");
        browser.open("/groups?org=acme");
        assertThat(browser.main()).contains("Group emea", "bob@acme.example");
        assertThat(browser.hasField("Group name")).isFalse();
        browser.open("/organization?org=acme");
        assertThat(browser.main()).doesNotContain("Audit trail").doesNotContain("Create a project");
        browser.open("/project?org=acme&project=sales");
        assertThat(browser.main()).contains("Your effective role: viewer", "recent_orders").doesNotContain("Give role");

        browser.reset(http.base);
        browser.signIn("erin@acme.example", "demo-erin");
        browser.open("/members?org=acme");
        assertThat(browser.heading()).contains("not found");
    }

    @Test
    void aSuperuserCreatesAnOrganizationAndDeletesItOnlyAfterTypingItsName() {
        String root = "root-" + run + "@test.example";
        http.probe("superuser?email=" + root);
        String org = "made-" + run;
        browser.signIn(root, "password-" + root);
        browser.follow("Organizations");
        browser.type("Name", org);
        browser.type("Display name", "Made in the browser");
        browser.press("Create organization");
        assertThat(browser.path()).isEqualTo("/organization?org=" + org);
        assertThat(browser.heading()).contains("Made in the browser");
        browser.type("Project name", "first");
        browser.press("Create project");
        assertThat(browser.heading()).isEqualTo("Project " + org + "/first");
        browser.follow("Made in the browser");
        browser.type("Project name", "first");
        browser.press("Create project");
        assertThat(browser.errorBeside("Project name")).contains("exists already");

        String sleeper = person("sleeper");
        String sleepersToken = http.probe("user?email=" + sleeper).raw().body();
        browser.follow("Organizations");
        browser.pressLabelled("Deactivate " + sleeper);
        assertThat(browser.confirmation()).contains("Deactivate " + sleeper + "?", "Every token of theirs stops at once");
        browser.press("Deactivate " + sleeper);
        assertThat(browser.messages()).contains("Deactivated " + sleeper);
        assertThat(http.get("/v1/users/current", sleepersToken).status()).isEqualTo(401);
        browser.pressLabelled("Reactivate " + sleeper);
        assertThat(http.get("/v1/users/current", sleepersToken).status()).isEqualTo(200);

        browser.follow("Made in the browser");
        browser.driver.findElement(By.cssSelector("details.danger-zone summary")).click();
        browser.type("Type “" + org + "” to confirm", "wrong");
        browser.press("Delete organization " + org);
        assertThat(browser.errorBeside("Type “" + org + "” to confirm")).contains("Nothing was deleted");
        browser.type("Type “" + org + "” to confirm", org);
        browser.press("Delete organization " + org);
        assertThat(browser.path()).isEqualTo("/organizations");
        assertThat(browser.messages()).contains("Deleted organization " + org);
        assertThat(http.get("/v1/organizations/" + org, http.probe("user?email=" + root).raw().body()).status()).isEqualTo(404);
    }

    @Test
    void theAccountPageChangesTheDisplayNameAndThePasswordWithTheCurrentOne() {
        String email = person("account");
        browser.signIn(email, "password-" + email);
        browser.follow("Account");
        browser.type("Display name", "Renamed Person");
        browser.press("Save display name");
        assertThat(browser.messages()).contains("Your display name is now “Renamed Person”.");
        assertThat(browser.header()).contains("Renamed Person");

        browser.type("Current password", "not-it");
        browser.type("New password", "a-new-password");
        browser.type("New password again", "a-new-password");
        browser.press("Change password");
        assertThat(browser.errorBeside("Current password")).contains("not right");
        browser.type("Current password", "password-" + email);
        browser.type("New password", "a-new-password");
        browser.type("New password again", "a-new-password");
        browser.press("Change password");
        assertThat(browser.messages()).contains("Your password was changed.");

        browser.reset(http.base);
        browser.signIn(email, "a-new-password");
        assertThat(browser.path()).isEqualTo("/");
    }
}
