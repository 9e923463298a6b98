package org.rilltokens.users.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Objects;
import java.util.UUID;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.TokenScope;

/**
 * Who an API request acts for: the owner of the bearer token as read with the token in this request,
 * which token it came with, and that token's scope (its restriction to projects or to reading). The authentication
 * mechanism hands it to the container as the caller's principal (for the roles web.xml asks) and leaves it with the
 * request ({@link #admit}), so every endpoint (JAX-RS, the MCP servlet) reads the same one.
 */
public record TokenCaller(UUID userId, String email, String displayName, boolean superuser, UUID tokenId,
        TokenScope scope) implements Principal {

    private static final String ATTRIBUTE = TokenCaller.class.getName();

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
     * The caller of a request under {@code /v1}, as the authentication mechanism admitted it. The container lets only
     * authenticated requests reach a protected endpoint, so a missing caller is a configuration fault, not a client's.
     * Read from the request (an attribute only the server can set) rather than from the container's subject: the same
     * principal, without walking the subject's principals on every call.
     */
    public static TokenCaller of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof TokenCaller caller) {
            return caller;
        }
        throw new IllegalStateException("an API request reached an endpoint without a bearer caller");
    }

    /** Leaves the admitted caller with the request, for {@link #of}; the authentication mechanism's part. */
    public void admit(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    public static TokenCaller named(String user, HttpServletRequest request) {
        if (!"current".equals(user) && !"-".equals(user)) {
            throw DomainException.notFound("No user '" + user + "' is visible to this token; use 'current'");
        }
        return of(request);
    }
}
