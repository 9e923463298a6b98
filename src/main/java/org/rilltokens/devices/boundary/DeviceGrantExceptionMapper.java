package org.rilltokens.devices.boundary;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class DeviceGrantExceptionMapper implements ExceptionMapper<DeviceGrantException> {

    @Override
    public Response toResponse(DeviceGrantException e) {
        String body = Json.createObjectBuilder().add("error", e.error()).add("error_description", e.getMessage()).build().toString();
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body).build();
    }
}
