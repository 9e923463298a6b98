package org.rilltokens.devices.boundary;

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
import java.net.URI;
import org.rilltokens.web.PublicAddress;

/**
 * Where device login (RFC 8628) starts, form-encoded in and JSON out like any OAuth server; the device then polls the
 * server's one token endpoint (oauth/boundary/OAuthTokensResource). A device has no token yet when it calls: the
 * endpoint is public (web.xml). Its answer carries a code, so it must not be cached: every API answer is sent with
 * {@code Cache-Control: no-store} (web/SecurityHeaders).
 */
@Path("oauth")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceAuthorizationsResource {

    /** Where people approve device logins. */
    private static final String ACTIVATION_PAGE = "/activate";

    @Inject
    Devices devices;

    @Inject
    PublicAddress address;

    @Context
    HttpServletRequest request;

    @POST
    @Path("device_authorization")
    public Response start(@FormParam("client_id") String clientId, @FormParam("scope") String scope,
            @FormParam("device_name") String deviceName) {
        DeviceCodeGrant grant = devices.start(clientId, scope, deviceName, address.clientAddress(request),
                URI.create(address.url(request, ACTIVATION_PAGE)));
        return Response.ok(grant).build();
    }
}
