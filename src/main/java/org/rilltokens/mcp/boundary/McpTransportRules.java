package org.rilltokens.mcp.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.rilltokens.mcp.control.McpPath;
import org.rilltokens.mcp.control.McpRequestRules;
import org.rilltokens.mcp.control.Refusal;
import org.rilltokens.security.BeforeBearerCheck;
import org.rilltokens.web.PublicAddress;
import org.rilltokens.web.PublicOrigin;

/**
 * The MCP rules that come before authentication: a request naming another host, or a browser page from
 * another origin, must not reach an endpoint at all (DNS rebinding), and only POST is answered, so neither a foreign page nor a GET learns
 * anything from a 401.
 */
@ApplicationScoped
public class McpTransportRules {

    @Inject
    McpTransport transport;

    @Inject
    PublicAddress address;

    void check(@Observes BeforeBearerCheck check) {
        HttpServletRequest request = check.request();
        Optional<McpPath> path = McpPath.of(request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse(""));
        if (path.isEmpty()) {
            return;
        }
        check.protectedResource(address.url(request, path.get().metadataPath()));
        McpRequestRules rules = transport.rules();
        PublicOrigin own = address.origin(request);
        rules.host(request.getHeader("Host"), own).or(() -> rules.origin(request.getHeader("Origin"), own))
                .or(() -> rules.method(request.getMethod()))
                .ifPresent(refusal -> check.refuse(refusal.status(), headers(refusal), refusal.json()));
    }

    private static Map<String, String> headers(Refusal refusal) {
        return refusal.status() == 405 ? Map.of("Allow", "POST") : Map.of();
    }
}
