package org.rilltokens.platform;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns the framework's own refusals (no such path, wrong method, wrong media type) into API errors. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity() && MediaType.APPLICATION_JSON_TYPE.isCompatible(original.getMediaType())) {
            // Already an API error body (see QueryValues).
            return original;
        }
        int status = original.getStatus();
        Response mapped = ApiErrors.response(status, codeOf(status), messageOf(status));
        return Response.fromResponse(mapped).replaceAll(original.getHeaders()).type(mapped.getMediaType()).build();
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "invalid_argument";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> status >= 500 ? "internal" : "error";
        };
    }

    private String messageOf(int status) {
        String call = request.getMethod() + " /v1/" + uri.getPath();
        return switch (status) {
            case 404 -> "No such endpoint: " + call;
            case 405 -> "Method not allowed: " + call;
            case 406 -> "This API answers application/json only";
            case 415 -> "Content-Type '" + headers.getHeaderString(HttpHeaders.CONTENT_TYPE) + "' is not accepted by " + call
                    + "; send the body as application/json (the device login endpoints take application/x-www-form-urlencoded)";
            case 400 -> "The request is malformed: " + call;
            default -> "The request failed with status " + status + ": " + call;
        };
    }
}
