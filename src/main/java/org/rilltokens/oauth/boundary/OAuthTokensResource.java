package org.rilltokens.oauth.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.rilltokens.devices.boundary.Devices;
import org.rilltokens.platform.OAuthError;
import org.rilltokens.web.PublicAddress;

/**
 * The server's one OAuth token endpoint (RFC 6749 §3.2): device logins collect their token here ({@code rill login}),
 * and MCP clients exchange authorization codes and refresh tokens. Public (web.xml): clients are public, they
 * prove themselves with the PKCE verifier or the refresh token. Answers are never cached (web/SecurityHeaders).
 */
@Path("oauth/token")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public class OAuthTokensResource {

    @Inject
    Devices devices;

    @Inject
    Authorizations authorizations;

    @Inject
    PublicAddress address;

    @Context
    HttpServletRequest request;

    @POST
    public Response token(@FormParam("grant_type") String grantType, @FormParam("client_id") String clientId,
            @FormParam("device_code") String deviceCode, @FormParam("code") String code, @FormParam("redirect_uri") String redirectUri,
            @FormParam("code_verifier") String verifier, @FormParam("refresh_token") String refreshToken,
            @FormParam("resource") String resource) {
        if (grantType == null || grantType.isBlank()) {
            throw new OAuthError("invalid_request", "grant_type is required");
        }
        return Response.ok(switch (grantType) {
            case Devices.DEVICE_CODE_GRANT -> devices.redeem(grantType, deviceCode, clientId);
            case Authorizations.AUTHORIZATION_CODE -> authorizations.exchange(code, clientId, redirectUri, verifier, resource,
                    address.origin(request));
            case Authorizations.REFRESH_TOKEN -> authorizations.refresh(refreshToken, clientId, resource);
            default -> throw new OAuthError("unsupported_grant_type", "grant_type must be " + Authorizations.AUTHORIZATION_CODE + ", "
                    + Authorizations.REFRESH_TOKEN + " or " + Devices.DEVICE_CODE_GRANT + ", not '" + grantType + "'");
        }).build();
    }
}
