package org.rilltokens.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PermissionTest {

    @Test
    void onlyReadingPermissionsAreOpenToReadOnlyTokens() {
        assertThat(Arrays.stream(Permission.values()).filter(permission -> !permission.writes()))
                .containsExactlyInAnyOrder(Permission.READ_ORG, Permission.READ_ORG_MEMBERS, Permission.READ_PROJECT,
                        Permission.READ_PROJECT_DATA, Permission.READ_PROJECT_MEMBERS, Permission.READ_AUDIT,
                        Permission.READ_ALL_AUDIT);
    }

    @Test
    void projectPermissionsAreTheOnesATokenRestrictedToProjectsCanUse() {
        assertThat(Arrays.stream(Permission.values()).filter(Permission::onProject))
                .containsExactlyInAnyOrder(Permission.READ_PROJECT, Permission.READ_PROJECT_DATA, Permission.READ_PROJECT_MEMBERS,
                        Permission.MANAGE_PROJECT, Permission.MANAGE_PROJECT_MEMBERS);
        assertThat(Permission.CREATE_PROJECTS.onProject()).as("creating a project is an org-level act").isFalse();
    }
}
