package org.rilltokens.platform;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The one shape of every API error: {@code {"code": "...", "message": "..."}} plus optional details. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static Response response(int status, String code, String message) {
        return response(status, body(code, message));
    }

    public static Response response(int status, JsonObjectBuilder body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.build().toString()).build();
    }

    public static JsonObjectBuilder body(String code, String message) {
        return Json.createObjectBuilder().add("code", code).add("message", message);
    }

    static JsonObjectBuilder body(DomainException e) {
        JsonObjectBuilder body = body(e.kind().code(), e.getMessage());
        if (e.field() != null) {
            body.add("field", e.field());
        }
        List<String> candidates = e.candidates();
        if (!candidates.isEmpty()) {
            body.add("tokenIds", Json.createArrayBuilder(candidates));
        }
        return body;
    }
}
