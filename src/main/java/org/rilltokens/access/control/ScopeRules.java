package org.rilltokens.access.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.Minutes;
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

    /**
     * An organization's maximum token lifetime (GitHub's rule): a token issued to live longer is not revoked, it just
     * cannot reach that organization's projects, and the refusal says why.
     */
    public static Optional<DomainException> lifetimeRefusal(TokenScope scope, Optional<Duration> orgMaximum, String org) {
        return orgMaximum.filter(scope::outlives).map(maximum -> DomainException.forbidden("Organization " + org
                + " allows only tokens that expire within " + Minutes.describe(maximum.toMinutes()) + " of being issued;"
                + (scope.lifetime().orElseThrow().equals(TokenScope.FOREVER) ? " this one never expires"
                        : " this one was issued for " + Minutes.describe(scope.lifetime().orElseThrow().toMinutes()))
                + ", so it cannot reach " + org + "'s projects. Issue a token with a shorter expiration."));
    }

    /**
     * The organizations among {@code maxima} (name to maximum token lifetime) whose projects a token of this scope
     * could reach but for its lifetime, sorted by name.
     */
    public static List<String> blockingOrgs(TokenScope scope, Map<String, Duration> maxima) {
        return maxima.entrySet().stream().filter(org -> scope.outlives(org.getValue()))
                .filter(org -> scope.projects().map(paths -> paths.stream().anyMatch(path -> path.startsWith(org.getKey() + "/")))
                        .orElse(true))
                .map(Map.Entry::getKey).sorted().toList();
    }

    public static DomainException readOnly() {
        return DomainException.forbidden("This token is read-only: it can call data APIs and read, but not change"
                + " anything (issue or revoke tokens, administer). Use the portal or a token that is not read-only.");
    }
}
