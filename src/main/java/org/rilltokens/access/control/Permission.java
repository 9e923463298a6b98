package org.rilltokens.access.control;

import java.util.EnumSet;
import java.util.Set;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.access.entity.ProjectRole;

/**
 * What a caller may do, named once and derived from roles in one place. Everything that checks access
 * asks for a permission, never for a role.
 */
public enum Permission {
    READ_ORG, READ_ORG_MEMBERS, CREATE_PROJECTS, MANAGE_ORG_MEMBERS, MANAGE_ORG,
    READ_PROJECT, READ_PROJECT_DATA, READ_PROJECT_MEMBERS, MANAGE_PROJECT, MANAGE_PROJECT_MEMBERS;

    /** Whether using this permission changes something (which a read-only token never may). */
    public boolean writes() {
        return !name().startsWith("READ_");
    }

    /** Whether it concerns one project (rather than a whole organization). */
    public boolean onProject() {
        return name().endsWith("_PROJECT") || name().contains("_PROJECT_");
    }

    public static Set<Permission> grantedBy(OrgRole role) {
        return switch (role) {
            case GUEST -> EnumSet.of(READ_ORG);
            case VIEWER -> EnumSet.of(READ_ORG, READ_ORG_MEMBERS);
            case EDITOR -> EnumSet.of(READ_ORG, READ_ORG_MEMBERS, CREATE_PROJECTS);
            case ADMIN -> EnumSet.of(READ_ORG, READ_ORG_MEMBERS, CREATE_PROJECTS, MANAGE_ORG_MEMBERS, MANAGE_ORG);
        };
    }

    public static Set<Permission> grantedBy(ProjectRole role) {
        return switch (role) {
            case VIEWER -> EnumSet.of(READ_PROJECT, READ_PROJECT_DATA);
            case EDITOR -> EnumSet.of(READ_PROJECT, READ_PROJECT_DATA, READ_PROJECT_MEMBERS, MANAGE_PROJECT);
            case ADMIN -> EnumSet.of(READ_PROJECT, READ_PROJECT_DATA, READ_PROJECT_MEMBERS, MANAGE_PROJECT,
                    MANAGE_PROJECT_MEMBERS);
        };
    }
}
