package org.rilltokens.notices.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rilltokens.access.boundary.InvitationSent;
import org.rilltokens.tokens.boundary.TokenEvent;
import org.rilltokens.tokens.boundary.TokenEvent.Kind;
import org.rilltokens.tokens.boundary.TokenEvent.Reason;

class LettersTest {

    private static final Instant EXPIRES = Instant.parse("2026-12-06T20:08:00Z");
    private final Letters letters = new Letters("https://tokens.example.com");

    private static TokenEvent event(Kind kind, Reason reason, String byEmail, String byName) {
        return new TokenEvent(kind, UUID.randomUUID(), "rill_usr_1HZsmMS6bu", "Nightly export", EXPIRES, "bob@acme.example",
                "Bob Viewer", byEmail, byName, reason, null);
    }

    @Test
    void aNewTokensOwnerIsToldItsIdNameAndExpiryWithALinkToRevokeIt() {
        Letter letter = letters.about(event(Kind.ISSUED, null, null, null)).orElseThrow();

        assertThat(letter.to()).isEqualTo("bob@acme.example");
        assertThat(letter.subject()).isEqualTo("New token rill_usr_1HZsmMS6bu \"Nightly export\" on your account");
        assertThat(letter.body()).startsWith("Hello Bob Viewer,").contains("Token:    rill_usr_1HZsmMS6bu")
                .contains("Name:     Nightly export").contains("Expires:  2026-12-06 20:08 UTC")
                .contains("revoke it now on your tokens page, https://tokens.example.com/");
    }

    @Test
    void anExpiringTokenSaysWhenAndHowToRotate() {
        Letter letter = letters.about(event(Kind.EXPIRING, null, null, null)).orElseThrow();

        assertThat(letter.subject()).isEqualTo("Your token rill_usr_1HZsmMS6bu \"Nightly export\" expires on 2026-12-06 20:08 UTC");
        assertThat(letter.body()).contains("rill token rotate rill_usr_1HZsmMS6bu").contains("401 Unauthorized");
    }

    @Test
    void aRevocationByAnAdminNamesThemAndOneByTheOwnerSendsNothing() {
        Letter byAdmin = letters.about(event(Kind.REVOKED, Reason.BY_ADMIN, "alice@acme.example", "Alice Admin")).orElseThrow();

        assertThat(byAdmin.subject()).isEqualTo("Your token rill_usr_1HZsmMS6bu \"Nightly export\" was revoked");
        assertThat(byAdmin.body()).contains("was revoked by Alice Admin (alice@acme.example)").contains("no longer works");
        assertThat(letters.about(event(Kind.REVOKED, Reason.BY_OWNER, "bob@acme.example", "Bob Viewer"))).isEmpty();
    }

    @Test
    void aReportedLeakSaysWhy() {
        Letter leaked = letters.about(event(Kind.REVOKED, Reason.REPORTED_LEAKED, null, null)).orElseThrow();

        assertThat(leaked.body()).contains("reported as exposed in a public place").contains("rill_usr_1HZsmMS6bu");
    }

    @Test
    void anInvitationCarriesItsLinkInTheBodyOnlyAndNamesCannotBreakTheSubject() {
        InvitationSent sent = new InvitationSent("new@partner.example", "acme", "Acme\r\nBcc: evil@example.com", "viewer",
                "editor of project ops", "Alice Admin", "https://tokens.example.com/invite#s3cr3t", EXPIRES);

        Letter letter = letters.invitation(sent);

        assertThat(letter.to()).isEqualTo("new@partner.example");
        assertThat(letter.subject()).doesNotContain("\r", "\n").startsWith("Invitation to Acme");
        assertThat(letter.body()).contains("Alice Admin invited you").contains("as viewer, and editor of project ops")
                .contains("    https://tokens.example.com/invite#s3cr3t\n").contains("until 2026-12-06 20:08 UTC");
        assertThat(letter.toString()).doesNotContain("s3cr3t");
        assertThat(sent.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void withoutAPublicAddressTheLettersSayWhereWithoutALink() {
        Letter letter = new Letters(null).about(event(Kind.ISSUED, null, null, null)).orElseThrow();

        assertThat(letter.body()).contains("revoke it now on your tokens page and").doesNotContain("http");
    }
}
