package org.rilltokens.platform;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class OAuthErrorMapper implements ExceptionMapper<OAuthError> {

    @Override
    public Response toResponse(OAuthError e) {
        String body = Json.createObjectBuilder().add("error", e.error()).add("error_description", e.getMessage()).build().toString();
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
