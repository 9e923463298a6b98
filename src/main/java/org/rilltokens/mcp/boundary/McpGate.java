package org.rilltokens.mcp.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.rilltokens.apis.boundary.Apis;
import org.rilltokens.mcp.control.McpCaller;
import org.rilltokens.mcp.control.McpPath;
import org.rilltokens.mcp.control.McpRequestRules;
import org.rilltokens.mcp.control.Refusal;
import org.rilltokens.mcp.control.ReplayedBody;
import org.rilltokens.platform.ApiErrors;
import org.rilltokens.platform.DomainException;
import org.rilltokens.users.boundary.TokenCaller;

/**
 * The way in to the MCP endpoints (a project's, or an organization's across its projects). JAX-RS owns {@code /v1/*} and a servlet pattern cannot have a
 * wildcard in the middle, so this filter takes the MCP paths out of the API's way. By then foreign origins
 * and other methods were refused ({@link McpTransportRules}, before the token is looked at) and the container
 * has authenticated the bearer token (the application's one mechanism, same 401 as REST); this resolves the caller's access
 * to a project endpoint's project once (404 for a project they cannot see, as the custom APIs answer; an organization's
 * endpoint resolves the project of each tool call), checks the message, then hands it to its MCP transport.
 * Every other request goes on to JAX-RS untouched.
 */
@WebFilter(urlPatterns = "/v1/*", asyncSupported = true)
public class McpGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    McpTransport transport;

    @Inject
    Apis apis;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<McpPath> path = McpPath.of(request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse(""));
        if (path.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        McpRequestRules rules = transport.rules();
        TokenCaller token = TokenCaller.of(request);
        McpCaller caller;
        try {
            caller = new McpCaller(token.email(), token.userId(), token.scope(), path.get(), path.get().isOrgWide() ? Optional.empty()
                    : Optional.of(apis.reader(token.userId(), token.scope(), path.get().org(), path.get().project())));
        } catch (DomainException e) {
            json(response, e.kind().status, ApiErrors.body(e.kind().code(), e.getMessage()).build().toString());
            return;
        }
        byte[] body = request.getInputStream().readNBytes(rules.maxBytes() + 1);
        Optional<String> discover = body.length > rules.maxBytes() ? Optional.empty() : rules.discover(body);
        if (discover.isPresent()) {
            json(response, HttpServletResponse.SC_OK, discover.get());
            return;
        }
        Optional<Refusal> refusal = rules.headers(request.getHeader("MCP-Protocol-Version"), request.getContentType(), request.getHeader("Accept"))
                .or(() -> rules.body(body));
        if (refusal.isPresent()) {
            refuse(response, refusal.get());
            return;
        }
        caller.attachTo(request);
        request.getServletContext().getNamedDispatcher(McpEndpoint.servletFor(path.get())).forward(new ReplayedBody(request, body), response);
    }

    private static void refuse(HttpServletResponse response, Refusal refusal) throws IOException {
        json(response, refusal.status(), refusal.json());
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }
}
