package org.rilltokens.users.boundary;

import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Objects;
import java.util.UUID;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.TokenScope;

/**
 * Who an API request acts for: the owner of the bearer token as read with the token in this request,
 * which token it came with, and that token's scope (its restriction to projects or to reading). The authentication mechanism hands it to the container as the caller's
 * principal, so every endpoint (JAX-RS, the MCP servlet) reads the same one.
 */
public record TokenCaller(UUID userId, String email, String displayName, boolean superuser, UUID tokenId,
        TokenScope scope) implements Principal {

    public TokenCaller {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(email);
        Objects.requireNonNull(tokenId);
        Objects.requireNonNull(scope);
    }

    /** The user's id, as for a portal sign-in: it survives an email change. */
    @Override
    public String getName() {
        return userId.toString();
    }

    /**
     * The caller of a request under {@code /v1}. The container lets only authenticated requests reach a
     * protected endpoint, so a missing principal is a configuration fault, not a client's.
     */
    public static TokenCaller of(SecurityContext security) {
        return security.getPrincipalsByType(TokenCaller.class).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("an API request reached an endpoint without a bearer caller"));
    }

    /**
     * The caller, when the path names them as {@code current} or {@code -}. Other users are not visible to
     * a token: 404, not 403.
     */
    public static TokenCaller named(String user, SecurityContext security) {
        if (!"current".equals(user) && !"-".equals(user)) {
            throw DomainException.notFound("No user '" + user + "' is visible to this token; use 'current'");
        }
        return of(security);
    }
}
