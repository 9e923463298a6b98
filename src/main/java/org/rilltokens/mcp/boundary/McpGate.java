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
import org.rilltokens.security.BearerAuthentication;

/**
 * The way in to a project's MCP endpoint. JAX-RS owns {@code /v1/*} and a servlet pattern cannot have a
 * wildcard in the middle, so this filter takes the MCP paths out of the API's way: it refuses foreign
 * origins and other methods, authenticates the token like the REST API (same 401), answers 404 for a
 * project the caller cannot see (same as the custom APIs), checks the message, then hands it to the
 * MCP transport. Every other request goes on to JAX-RS untouched.
 */
@WebFilter(urlPatterns = "/v1/*", asyncSupported = true)
public class McpGate extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    McpTransport transport;

    @Inject
    BearerAuthentication authentication;

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
        Optional<Refusal> refusal = rules.origin(request.getHeader("Origin"), ownOrigin(request))
                .or(() -> rules.method(request.getMethod()));
        if (refusal.isPresent()) {
            refuse(response, refusal.get());
            return;
        }
        BearerAuthentication.Verdict verdict = authentication.verify(request.getHeader("Authorization"),
                request.getRemoteAddr(), request.getHeader("User-Agent"));
        if (!verdict.admitted()) {
            response.setHeader("WWW-Authenticate", verdict.challenge());
            json(response, HttpServletResponse.SC_UNAUTHORIZED, ApiErrors.body("unauthenticated", verdict.message()).build().toString());
            return;
        }
        McpCaller caller = new McpCaller(verdict.caller().userId(), verdict.caller().email(), path.get());
        try {
            apis.list(caller.userId(), caller.org(), caller.project());
        } catch (DomainException e) {
            json(response, e.kind().status, ApiErrors.body(e.kind().code(), e.getMessage()).build().toString());
            return;
        }
        byte[] body = request.getInputStream().readNBytes(rules.maxBytes() + 1);
        refusal = rules.headers(request.getHeader("MCP-Protocol-Version"), request.getContentType(), request.getHeader("Accept"))
                .or(() -> rules.body(body));
        if (refusal.isPresent()) {
            refuse(response, refusal.get());
            return;
        }
        caller.attachTo(request);
        request.getServletContext().getNamedDispatcher(McpEndpoint.SERVLET_NAME).forward(new ReplayedBody(request, body), response);
    }

    /** The origin a page of this server itself would send. */
    private static String ownOrigin(HttpServletRequest request) {
        String host = Optional.ofNullable(request.getHeader("Host")).orElse(request.getServerName() + ":" + request.getServerPort());
        return request.getScheme() + "://" + host;
    }

    private static void refuse(HttpServletResponse response, Refusal refusal) throws IOException {
        if (refusal.status() == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
            response.setHeader("Allow", "POST");
        }
        json(response, refusal.status(), refusal.json());
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(body);
    }
}
