package org.rilltokens.oauth.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.rilltokens.mcp.control.McpPath;
import org.rilltokens.web.PublicOrigin;

/**
 * The MCP endpoint a client asks a token for (the {@code resource} parameter, RFC 8707), which decides what the
 * token reaches: one project, or the projects of one organization for the org-wide endpoint. Only this server's
 * own endpoints, by their canonical URL under its public address (scheme and host in any case).
 */
public final class ResourceTarget {

    private ResourceTarget() {
    }

    public static Optional<McpPath> of(String resource, PublicOrigin own) {
        if (resource == null || resource.isBlank()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(resource.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        if (!own.acceptsOrigin(origin) || !own.acceptsHost(uri.getRawAuthority())) {
            return Optional.empty();
        }
        return McpPath.of(uri.getPath());
    }
}
