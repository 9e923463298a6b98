package org.rilltokens.audit.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.rilltokens.platform.TokenScope;

/**
 * Who makes an administrative change, from which address and through which surface: the portal, the REST
 * API, or the rill CLI (which says so in its User-Agent); and the scope of the credential they act with (a
 * read-only or project-restricted token administers nothing beyond it; the portal has the full scope).
 */
public record Actor(UUID userId, String email, Surface surface, String address, TokenScope scope) {

    public enum Surface {
        PORTAL, REST, CLI,
        /** The service acting by itself: revoking reported or unused tokens. */
        SERVICE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String CLI_AGENT = "rill-cli/";
    static final int ADDRESS_MAX = 64;

    /** @param userId null for someone without an account (a leak report, a failed sign-in) or the service itself */
    public Actor {
        Objects.requireNonNull(email);
        Objects.requireNonNull(surface);
        Objects.requireNonNull(scope);
        address = address == null || address.length() <= ADDRESS_MAX ? address : address.substring(0, ADDRESS_MAX);
    }

    /** The owner of the bearer token of an API request, limited to that token's scope. */
    public static Actor api(UUID userId, String email, TokenScope scope, HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        Surface surface = agent != null && agent.startsWith(CLI_AGENT) ? Surface.CLI : Surface.REST;
        return new Actor(userId, email, surface, request.getRemoteAddr(), scope);
    }

    /**
     * The person a request acts for, wherever it came from: {@code /v1} calls are the REST API (or the CLI), anything
     * else the portal.
     */
    public static Actor of(UUID userId, String email, TokenScope scope, HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/v1/") ? api(userId, email, scope, request)
                : new Actor(userId, email, Surface.PORTAL, request.getRemoteAddr(), scope);
    }

    /** Someone without an account, or unknown, calling from {@code address}: say who in {@code description}. */
    public static Actor anonymous(String description, HttpServletRequest request) {
        return new Actor(null, description, Surface.REST, request.getRemoteAddr(), TokenScope.FULL);
    }

    /** The service itself, e.g. its housekeeping job. */
    public static Actor service(String description) {
        return new Actor(null, description, Surface.SERVICE, null, TokenScope.FULL);
    }

    /** The person signed in to the portal. */
    public static Actor portal(UUID userId, String email, HttpServletRequest request) {
        return new Actor(userId, email, Surface.PORTAL, request.getRemoteAddr(), TokenScope.FULL);
    }
}
