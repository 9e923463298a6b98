package org.rilltokens.oauth.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.rilltokens.devices.boundary.Devices;
import org.rilltokens.mcp.control.McpPath;
import org.rilltokens.oauth.control.Pkce;
import org.rilltokens.web.PublicAddress;

/**
 * What an MCP client reads to learn how to get a token, public like any well-known document: the protected resource
 * metadata of every MCP endpoint (RFC 9728, at {@code /.well-known/oauth-protected-resource/<endpoint path>}), which
 * names this server as the authorization server, and that server's metadata (RFC 8414). The metadata of an endpoint
 * does not depend on whether its project exists, so it reveals nothing.
 */
@WebServlet("/.well-known/*")
public class OAuthMetadata extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String AUTHORIZATION_SERVER = "/.well-known/oauth-authorization-server";
    public static final String AUTHORIZE_PAGE = "/authorize";

    @Inject
    transient PublicAddress address;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + Optional.ofNullable(request.getPathInfo()).orElse("");
        String base = address.url(request, "");
        Optional<JsonObject> document = path.equals(AUTHORIZATION_SERVER) ? Optional.of(authorizationServer(base))
                : McpPath.ofMetadataPath(path).map(endpoint -> protectedResource(endpoint, base));
        allowEveryOrigin(response);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        if (document.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.getWriter().write(Json.createObjectBuilder().add("error", "not_found")
                    .add("error_description", "No metadata at " + path).build().toString());
            return;
        }
        response.getWriter().write(document.get().toString());
    }

    /** Browser-based MCP clients read the metadata from their own origin; it is public, and carries no credentials. */
    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        allowEveryOrigin(response);
        response.setHeader("Access-Control-Allow-Methods", "GET, OPTIONS");
        response.setHeader("Access-Control-Allow-Headers", "MCP-Protocol-Version, Accept");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static void allowEveryOrigin(HttpServletResponse response) {
        response.setHeader("Access-Control-Allow-Origin", "*");
    }

    static JsonObject protectedResource(McpPath endpoint, String base) {
        return Json.createObjectBuilder().add("resource", endpoint.url(base))
                .add("authorization_servers", Json.createArrayBuilder().add(base))
                .add("bearer_methods_supported", Json.createArrayBuilder().add("header"))
                .add("resource_name", "rill-tokens MCP: " + endpoint.org() + (endpoint.project() == null ? "" : "/" + endpoint.project()))
                .build();
    }

    static JsonObject authorizationServer(String base) {
        return Json.createObjectBuilder().add("issuer", base)
                .add("authorization_endpoint", base + AUTHORIZE_PAGE)
                .add("token_endpoint", base + "/v1/oauth/token")
                .add("registration_endpoint", base + "/v1/oauth/register")
                .add("device_authorization_endpoint", base + "/v1/oauth/device_authorization")
                .add("response_types_supported", Json.createArrayBuilder().add("code"))
                .add("response_modes_supported", Json.createArrayBuilder().add("query"))
                .add("grant_types_supported", Json.createArrayBuilder().add(Authorizations.AUTHORIZATION_CODE)
                        .add(Authorizations.REFRESH_TOKEN).add(Devices.DEVICE_CODE_GRANT))
                .add("code_challenge_methods_supported", Json.createArrayBuilder().add(Pkce.METHOD))
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("none"))
                .add("client_id_metadata_document_supported", true)
                .add("authorization_response_iss_parameter_supported", true)
                .build();
    }
}
