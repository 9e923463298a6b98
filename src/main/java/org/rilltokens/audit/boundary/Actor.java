package org.rilltokens.audit.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Who makes an administrative change, from which address and through which surface: the portal, the REST
 * API, or the rill CLI (which says so in its User-Agent).
 */
public record Actor(UUID userId, String email, Surface surface, String address) {

    public enum Surface {
        PORTAL, REST, CLI;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String CLI_AGENT = "rill-cli/";
    static final int ADDRESS_MAX = 64;

    public Actor {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(email);
        Objects.requireNonNull(surface);
        address = address == null || address.length() <= ADDRESS_MAX ? address : address.substring(0, ADDRESS_MAX);
    }

    /** The owner of the bearer token of an API request. */
    public static Actor api(UUID userId, String email, HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        Surface surface = agent != null && agent.startsWith(CLI_AGENT) ? Surface.CLI : Surface.REST;
        return new Actor(userId, email, surface, request.getRemoteAddr());
    }

    /** The person signed in to the portal. */
    public static Actor portal(UUID userId, String email, HttpServletRequest request) {
        return new Actor(userId, email, Surface.PORTAL, request.getRemoteAddr());
    }
}
