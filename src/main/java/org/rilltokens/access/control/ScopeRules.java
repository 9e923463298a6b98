package org.rilltokens.access.control;

import java.util.Optional;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.TokenScope;

/**
 * What a credential's scope (SPEC §11) takes away from its owner's permissions, in one place for data access
 * and administration alike: a read-only token changes nothing, a token restricted to projects acts on no
 * organization as a whole and on no project it leaves out.
 */
public final class ScopeRules {

    private ScopeRules() {
    }

    /** @param org, project where the permission is used; project is null for an organization or the service */
    public static Optional<DomainException> refusal(TokenScope scope, Permission needed, String org, String project) {
        if (scope.readOnly() && needed.writes()) {
            return Optional.of(readOnly());
        }
        if (!scope.isRestricted()) {
            return Optional.empty();
        }
        String reached = String.join(", ", scope.projects().orElseThrow());
        if (needed.scope() != Permission.Scope.PROJECT || project == null) {
            return Optional.of(DomainException.forbidden("This token is restricted to " + reached
                    + ": organization-wide calls need a token without a project restriction"));
        }
        return scope.includes(org, project) ? Optional.empty() : Optional.of(DomainException.forbidden("This token does not"
                + " include project " + org + "/" + project + ": it reaches only " + reached
                + ". Issue a token for this project to use it."));
    }

    public static DomainException readOnly() {
        return DomainException.forbidden("This token is read-only: it can call data APIs and read, but not change"
                + " anything (issue or revoke tokens, administer). Use the portal or a token that is not read-only.");
    }
}
