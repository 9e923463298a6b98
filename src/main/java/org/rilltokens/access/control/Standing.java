package org.rilltokens.access.control;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.rilltokens.platform.DomainException;

/**
 * What a caller may do in one place (an organization, a project, or the whole service), and the refusal
 * when they may not: a 403 that names the role the action needs and the role they have.
 */
public record Standing(Permission.Scope scope, String place, String role, Set<Permission> permissions) {

    public Standing {
        permissions = permissions.isEmpty() ? EnumSet.noneOf(Permission.class) : EnumSet.copyOf(permissions);
    }

    /** @param role the caller's role there in words ("editor"), or null when they hold none */
    public static Standing of(Permission.Scope scope, String place, String role, Set<Permission> granted, boolean superuser) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        permissions.addAll(granted);
        if (superuser) {
            permissions.addAll(Permission.ofSuperuser(scope));
        }
        String shown = role != null ? role : superuser ? "superuser" : "none";
        return new Standing(scope, place, shown, permissions);
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    public void require(Permission permission) {
        if (!can(permission)) {
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
