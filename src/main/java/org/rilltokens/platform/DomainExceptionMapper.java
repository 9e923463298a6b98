package org.rilltokens.platform;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException e) {
        Response response = ApiErrors.response(e.kind().status, ApiErrors.body(e));
        return e.retryAfter().map(wait -> Response.fromResponse(response).header("Retry-After", ApiErrors.seconds(wait)).build())
                .orElse(response);
    }
}
