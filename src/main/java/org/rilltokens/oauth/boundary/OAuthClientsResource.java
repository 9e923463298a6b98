package org.rilltokens.oauth.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.rilltokens.oauth.control.ClientRegistration;
import org.rilltokens.oauth.control.RedirectUri;
import org.rilltokens.oauth.entity.RegisteredClient;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.JsonInput;
import org.rilltokens.platform.OAuthError;
import org.rilltokens.web.PublicAddress;

/** Dynamic Client Registration (RFC 7591): public clients register themselves, without an account, within limits. */
@Path("oauth/register")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OAuthClientsResource {

    @Inject
    OAuthClients clients;

    @Inject
    PublicAddress address;

    @Context
    HttpServletRequest request;

    @POST
    public Response register(byte[] body) {
        RegisteredClient client = clients.register(ClientRegistration.of(read(body)), address.clientAddress(request));
        JsonObject registered = Json.createObjectBuilder().add("client_id", client.clientId())
                .add("client_id_issued_at", client.registeredOn().getEpochSecond())
                .add("client_name", client.clientName())
                .add("redirect_uris", Json.createArrayBuilder(client.redirectUris().stream().map(RedirectUri::toString).toList()))
                .add("grant_types", Json.createArrayBuilder().add(Authorizations.AUTHORIZATION_CODE).add(Authorizations.REFRESH_TOKEN))
                .add("response_types", Json.createArrayBuilder().add("code"))
                .add("token_endpoint_auth_method", "none").build();
        return Response.status(Response.Status.CREATED).entity(registered.toString()).build();
    }

    /**
     * The body as JSON, checked as every JSON body is (platform/JsonInput: depth, numbers, repeated fields), in
     * RFC 7591's error shape. Its size is bounded before it is read, as every OAuth endpoint's (devices/Devices).
     */
    private static JsonObject read(byte[] body) {
        try {
            return JsonInput.object(body);
        } catch (DomainException e) {
            throw new OAuthError("invalid_client_metadata", e.getMessage() + " (a registration is a JSON object, RFC 7591 §2)");
        } catch (JsonException | IllegalStateException e) {
            throw new OAuthError("invalid_client_metadata", "The registration must be a JSON object (RFC 7591 §2)");
        }
    }
}
