package org.rilltokens.access.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvitationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void anInvitationWorksForSevenDaysAndANewLinkStartsThemAgain() {
        Invitation invitation = new Invitation(new Organization("acme", "Acme"), " New@Acme.Example", OrgRole.VIEWER, null, "a".repeat(64), NOW);
        assertThat(invitation.email()).isEqualTo("new@acme.example");
        assertThat(invitation.expiresOn()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(invitation.isExpiredAt(NOW.plus(Duration.ofDays(7)).minusSeconds(1))).isFalse();
        assertThat(invitation.isExpiredAt(NOW.plus(Duration.ofDays(7)))).isTrue();

        invitation.renew("b".repeat(64), NOW.plus(Duration.ofDays(6)));
        assertThat(invitation.isExpiredAt(NOW.plus(Duration.ofDays(8)))).isFalse();
    }

    @Test
    void projectRolesAccumulateOnePerProject() {
        Organization acme = new Organization("acme", "Acme");
        Project sales = new Project(acme, "sales");
        Invitation invitation = new Invitation(acme, "new@acme.example", OrgRole.GUEST, null, "a".repeat(64), NOW);
        invitation.grant(sales, ProjectRole.VIEWER);
        invitation.grant(sales, ProjectRole.EDITOR);
        invitation.grant(new Project(acme, "ops"), ProjectRole.VIEWER);
        assertThat(invitation.projectRoles()).hasSize(2).containsEntry(sales, ProjectRole.EDITOR);
    }
}
