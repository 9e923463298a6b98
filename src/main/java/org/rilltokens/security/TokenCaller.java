package org.rilltokens.security;

import jakarta.ws.rs.core.SecurityContext;
import org.rilltokens.platform.DomainException;
import java.security.Principal;
import java.util.UUID;

/**
 * Who an API request acts for: the owner of the bearer token as read with the token in this request,
 * and which token it came with.
 */
public record TokenCaller(UUID userId, String email, String displayName, boolean superuser, UUID tokenId)
        implements Principal {

    @Override
    public String getName() {
        return email;
    }

    /** The caller of a request that passed the {@link BearerFilter}. */
    public static TokenCaller of(SecurityContext context) {
        return (TokenCaller) context.getUserPrincipal();
    }

    /**
     * The caller of a request that passed the {@link BearerFilter}, when the path names them as
     * {@code current} or {@code -}. Other users are not visible to a token: 404, not 403.
     */
    public static TokenCaller named(String user, SecurityContext context) {
        if (!"current".equals(user) && !"-".equals(user)) {
            throw DomainException.notFound("No user '" + user + "' is visible to this token; use 'current'");
        }
        return of(context);
    }
}
