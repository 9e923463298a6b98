package org.rilltokens.access.control;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.TokenScope;

/**
 * What a caller may do in one place (an organization, a project, or the whole service), and the refusal
 * when they may not: a 403 that names the role the action needs and the role they have.
 */
public record Standing(Permission.Scope scope, String place, String role, Set<Permission> permissions, TokenScope token,
        String org, String project) {

    public Standing {
        permissions = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
    }

    /**
     * The same standing as seen through a credential's scope (SPEC §11): a read-only or project-restricted token
     * keeps only what its scope allows.
     *
     * @param org, project where this standing applies (project null for an organization or the service)
     */
    public Standing through(TokenScope scope, String org, String project) {
        return new Standing(this.scope, place, role, permissions, scope, org, project);
    }

    /** @param role the caller's role there in words ("editor"), or null when they hold none */
    public static Standing of(Permission.Scope scope, String place, String role, Set<Permission> granted, boolean superuser) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        permissions.addAll(granted);
        if (superuser) {
            permissions.addAll(Permission.ofSuperuser(scope));
        }
        String shown = role != null ? role : superuser ? "superuser" : "none";
        return new Standing(scope, place, shown, permissions, TokenScope.FULL, null, null);
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission) && ScopeRules.refusal(token, permission, org, project).isEmpty();
    }

    public void require(Permission permission) {
        if (permissions.contains(permission)) {
            ScopeRules.refusal(token, permission, org, project).ifPresent(refusal -> {
                throw refusal;
            });
        } else {
            throw DomainException.forbidden("To " + permission.action() + " in " + place + " you need to be "
                    + permission.holder() + "; your role there is " + role);
        }
    }

    /** Every permission of this scope by its API name, true where the caller holds it. */
    public Map<String, Boolean> byName() {
        Map<String, Boolean> all = new LinkedHashMap<>();
        for (Permission permission : Permission.values()) {
            if (permission.scope() == scope) {
                all.put(permission.apiName(), can(permission));
            }
        }
        return all;
    }
}
