package org.rilltokens.access.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.access.entity.ProjectRole;
import org.rilltokens.platform.DomainException;

class StandingTest {

    private static Standing org(OrgRole role, boolean superuser) {
        return Standing.of(Permission.Scope.ORG, "organization acme", role == null ? null : role.label(),
                role == null ? Set.of() : Permission.grantedBy(role), superuser);
    }

    @Test
    void eachOrgRoleHoldsWhatTheOneBelowHoldsAndMore() {
        OrgRole[] roles = OrgRole.values();
        for (int i = 0; i < roles.length - 1; i++) {
            assertThat(Permission.grantedBy(roles[i])).as(roles[i].name()).containsAll(Permission.grantedBy(roles[i + 1]))
                    .hasSizeGreaterThan(Permission.grantedBy(roles[i + 1]).size());
        }
        assertThat(Permission.grantedBy(OrgRole.EDITOR)).contains(Permission.MANAGE_ORG_MEMBERS).doesNotContain(Permission.MANAGE_ORG_ADMINS);
        assertThat(Permission.grantedBy(OrgRole.ADMIN)).doesNotContain(Permission.MANAGE_ORG);
        assertThat(Permission.grantedBy(ProjectRole.ADMIN)).contains(Permission.MANAGE_PROJECT_MEMBERS);
        assertThat(Permission.grantedBy(ProjectRole.EDITOR)).doesNotContain(Permission.MANAGE_PROJECT_MEMBERS);
    }

    @Test
    void aRefusalNamesTheRoleNeededAndTheRoleHeld() {
        assertThatThrownBy(() -> org(OrgRole.VIEWER, false).require(Permission.CREATE_PROJECTS))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN))
                .hasMessage("To create projects in organization acme you need to be org editor; your role there is viewer");
        assertThatThrownBy(() -> org(OrgRole.ADMIN, false).require(Permission.MANAGE_ORG)).hasMessageContaining("superuser");
    }

    @Test
    void superusersAdministerEverythingButGainNoDataAccess() {
        Standing outsider = org(null, true);
        assertThat(outsider.can(Permission.MANAGE_ORG)).isTrue();
        assertThat(outsider.can(Permission.MANAGE_ORG_ADMINS)).isTrue();
        assertThat(outsider.role()).isEqualTo("superuser");
        Standing project = Standing.of(Permission.Scope.PROJECT, "project acme/sales", null, Set.of(), true);
        assertThat(project.can(Permission.MANAGE_PROJECT_MEMBERS)).isTrue();
        assertThat(project.can(Permission.READ_PROJECT_DATA)).isFalse();
        assertThat(org(null, false).can(Permission.READ_ORG)).isFalse();
    }

    @Test
    void permissionsGoByTheirApiNamesWithinTheirScope() {
        assertThat(org(OrgRole.EDITOR, false).byName()).containsEntry("manageOrgMembers", true).containsEntry("manageOrgAdmins", false)
                .containsEntry("readOrg", true).doesNotContainKey("readProjectData").doesNotContainKey("createOrgs");
    }
}
