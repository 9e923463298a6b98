package org.rilltokens.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.access.entity.ProjectRole;

class RoleResolutionTest {

    private static final Map<String, List<String>> ACME_PROJECTS = Map.of("acme", List.of("ops", "sales"));

    @Test
    void orgAdminIsAdminOfEveryProject() {
        List<OrgAccess> alice = RoleResolution.resolve(Map.of("acme", OrgRole.ADMIN), List.of(), ACME_PROJECTS, Map.of());

        assertThat(alice).singleElement().satisfies(org -> {
            assertThat(org.role()).isEqualTo(OrgRole.ADMIN);
            assertThat(org.projects()).extracting(ProjectAccess::project).containsExactly("ops", "sales");
            assertThat(org.projects()).allSatisfy(p -> {
                assertThat(p.role()).isEqualTo(ProjectRole.ADMIN);
                assertThat(p.source()).hasToString("org admin");
            });
        });
    }

    @Test
    void groupRoleReachesOnlyItsProject() {
        List<OrgAccess> bob = RoleResolution.resolve(Map.of("acme", OrgRole.VIEWER),
                List.of(new ProjectGrant("acme", "sales", ProjectRole.VIEWER, RoleSource.group("emea"))),
                ACME_PROJECTS, Map.of("acme", List.of("emea")));

        OrgAccess acme = bob.get(0);
        assertThat(acme.groups()).containsExactly("emea");
        assertThat(acme.project("sales")).hasValueSatisfying(p -> assertThat(p.source()).hasToString("group emea"));
        assertThat(acme.project("ops")).isEmpty();
    }

    @Test
    void aProjectRoleWithoutMembershipMakesAGuest() {
        List<OrgAccess> carol = RoleResolution.resolve(Map.of(),
                List.of(new ProjectGrant("acme", "sales", ProjectRole.VIEWER, RoleSource.DIRECT)), Map.of(), Map.of());

        assertThat(carol).singleElement().satisfies(org -> {
            assertThat(org.role()).isEqualTo(OrgRole.GUEST);
            assertThat(org.member()).isFalse();
            assertThat(org.project("sales")).isPresent();
        });
    }

    @Test
    void theMostPermissiveGrantWinsAndTheOthersAreKept() {
        List<OrgAccess> dave = RoleResolution.resolve(Map.of("acme", OrgRole.EDITOR), List.of(
                new ProjectGrant("acme", "ops", ProjectRole.VIEWER, RoleSource.group("amer")),
                new ProjectGrant("acme", "ops", ProjectRole.EDITOR, RoleSource.DIRECT),
                new ProjectGrant("acme", "ops", ProjectRole.VIEWER, RoleSource.DIRECT)), ACME_PROJECTS, Map.of());

        ProjectAccess ops = dave.get(0).project("ops").orElseThrow();
        assertThat(ops.role()).isEqualTo(ProjectRole.EDITOR);
        assertThat(ops.source()).isEqualTo(RoleSource.DIRECT);
        assertThat(ops.grants()).hasSize(3);
        assertThat(dave.get(0).project("sales")).isEmpty();
    }

    @Test
    void anOrgAdminWhoAlsoHasAGroupRoleIsStillAdmin() {
        List<OrgAccess> access = RoleResolution.resolve(Map.of("acme", OrgRole.ADMIN),
                List.of(new ProjectGrant("acme", "sales", ProjectRole.VIEWER, RoleSource.group("emea"))), ACME_PROJECTS, Map.of());

        assertThat(access.get(0).project("sales").orElseThrow().role()).isEqualTo(ProjectRole.ADMIN);
    }

    @Test
    void aMemberWithoutProjectsStillSeesTheOrg() {
        List<OrgAccess> access = RoleResolution.resolve(Map.of("acme", OrgRole.VIEWER), List.of(), ACME_PROJECTS, Map.of());
        assertThat(access).singleElement().satisfies(org -> assertThat(org.projects()).isEmpty());
        assertThat(RoleResolution.resolve(Map.of(), List.of(), Map.of(), Map.of())).isEmpty();
    }

    @ParameterizedTest(name = "project {0}: {1}")
    @CsvSource({
        "VIEWER, READ_PROJECT, true", "VIEWER, READ_PROJECT_DATA, true", "VIEWER, READ_PROJECT_MEMBERS, false",
        "VIEWER, MANAGE_PROJECT, false", "EDITOR, MANAGE_PROJECT, true", "EDITOR, MANAGE_PROJECT_MEMBERS, false",
        "ADMIN, MANAGE_PROJECT_MEMBERS, true", "ADMIN, READ_PROJECT_DATA, true"})
    void projectPermissions(ProjectRole role, Permission permission, boolean granted) {
        assertThat(Permission.grantedBy(role).contains(permission)).isEqualTo(granted);
    }

    @ParameterizedTest(name = "org {0}: {1}")
    @CsvSource({
        "GUEST, READ_ORG, true", "GUEST, READ_ORG_MEMBERS, false", "VIEWER, READ_ORG_MEMBERS, true",
        "VIEWER, CREATE_PROJECTS, false", "EDITOR, CREATE_PROJECTS, true",
        // SPEC §10 (Rill's rules): editors manage members with non-admin roles; only admins touch admins; renaming or
        // deleting an organization is for superusers
        "EDITOR, MANAGE_ORG_MEMBERS, true", "EDITOR, MANAGE_ORG_ADMINS, false", "ADMIN, MANAGE_ORG_ADMINS, true",
        "ADMIN, MANAGE_ORG_MEMBERS, true", "ADMIN, MANAGE_ORG, false", "GUEST, READ_PROJECT, false"})
    void orgPermissions(OrgRole role, Permission permission, boolean granted) {
        assertThat(Permission.grantedBy(role).contains(permission)).isEqualTo(granted);
    }
}
