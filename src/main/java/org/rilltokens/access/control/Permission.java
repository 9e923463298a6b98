package org.rilltokens.access.control;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.access.entity.ProjectRole;

/**
 * What a caller may do, named once and derived from roles in one place. Everything that checks access
 * asks for a permission, never for a role. Each permission knows what it allows and the least role that
 * holds it, so a refusal can say which role is needed.
 */
public enum Permission {
    READ_ORG(Scope.ORG, "see this organization", "org guest"),
    READ_ORG_MEMBERS(Scope.ORG, "see its members, groups and invitations", "org viewer"),
    CREATE_PROJECTS(Scope.ORG, "create projects", "org editor"),
    MANAGE_ORG_MEMBERS(Scope.ORG, "add, change or remove members and invitations", "org editor"),
    MANAGE_USERGROUPS(Scope.ORG, "create, rename or delete groups and change their members", "org editor"),
    MANAGE_ORG_ADMINS(Scope.ORG, "give, change or take the admin role", "org admin"),
    MANAGE_MEMBER_ATTRIBUTES(Scope.ORG, "set members' attributes", "org admin"),
    MANAGE_PROJECTS(Scope.ORG, "delete projects", "org admin"),
    READ_AUDIT(Scope.ORG, "read its audit trail", "org admin"),
    MANAGE_ORG_TOKENS(Scope.ORG, "see and revoke the tokens that reach it and set its token policy", "org admin"),
    MANAGE_AUTOINVITE(Scope.ORG, "choose the email domains that join by themselves", "org admin"),
    MANAGE_ORG(Scope.ORG, "rename or delete the organization", "superuser"),

    READ_PROJECT(Scope.PROJECT, "see this project", "project viewer"),
    READ_PROJECT_DATA(Scope.PROJECT, "query its data", "project viewer"),
    READ_PROJECT_MEMBERS(Scope.PROJECT, "see its members and group roles", "project editor"),
    MANAGE_PROJECT(Scope.PROJECT, "rename or describe it", "project editor"),
    MANAGE_PROJECT_MEMBERS(Scope.PROJECT, "change its members and group roles", "project admin"),

    CREATE_ORGS(Scope.SERVICE, "create organizations", "superuser"),
    MANAGE_SUPERUSERS(Scope.SERVICE, "see, make or unmake superusers", "superuser"),
    MANAGE_ACCOUNTS(Scope.SERVICE, "see, deactivate or reactivate accounts", "superuser"),
    READ_ALL_AUDIT(Scope.SERVICE, "read the audit trail of every organization", "superuser"),
    MANAGE_ALL_TOKENS(Scope.SERVICE, "see and revoke every token and set the token policy", "superuser");

    /** Where a permission applies: one organization, one project, or the whole service. */
    public enum Scope {
        ORG, PROJECT, SERVICE
    }

    private final Scope scope;
    private final String action;
    private final String holder;

    Permission(Scope scope, String action, String holder) {
        this.scope = scope;
        this.action = action;
        this.holder = holder;
    }

    /** Whether using this permission changes something (which a read-only token never may). */
    public boolean writes() {
        return !name().startsWith("READ_");
    }

    /** Whether it concerns one project (rather than a whole organization or the service). */
    public boolean onProject() {
        return scope == Scope.PROJECT;
    }

    public static Set<Permission> grantedBy(OrgRole role) {
        return switch (role) {
            case GUEST -> EnumSet.of(READ_ORG);
            case VIEWER -> EnumSet.of(READ_ORG, READ_ORG_MEMBERS);
            case EDITOR -> EnumSet.of(READ_ORG, READ_ORG_MEMBERS, CREATE_PROJECTS, MANAGE_ORG_MEMBERS, MANAGE_USERGROUPS);
            case ADMIN -> EnumSet.of(READ_ORG, READ_ORG_MEMBERS, CREATE_PROJECTS, MANAGE_ORG_MEMBERS, MANAGE_USERGROUPS,
                    MANAGE_ORG_ADMINS, MANAGE_MEMBER_ATTRIBUTES, MANAGE_PROJECTS, READ_AUDIT, MANAGE_ORG_TOKENS,
                    MANAGE_AUTOINVITE);
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

    /** Superusers administer everything; they do not gain data access (that stays with project roles). */
    public static Set<Permission> ofSuperuser(Scope scope) {
        Set<Permission> all = EnumSet.noneOf(Permission.class);
        for (Permission permission : values()) {
            if (permission.scope == scope && permission != READ_PROJECT_DATA) {
                all.add(permission);
            }
        }
        return all;
    }

    public Scope scope() {
        return scope;
    }

    /** What it allows, as in "To <action> …". */
    public String action() {
        return action;
    }

    /** The least role that holds it: "org editor", "project admin", "superuser". */
    public String holder() {
        return holder;
    }

    /** As the API names it: {@code manageOrgMembers}. */
    public String apiName() {
        StringBuilder name = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }
}
