package org.rilltokens.platform;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The one shape of every API error: {@code {"code": "...", "message": "..."}} plus optional details. */
public final class ApiErrors {

    // Json.createObjectBuilder() looks the provider up through ServiceLoader on every call; 401s are frequent.
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    private ApiErrors() {
    }

    public static Response response(int status, String code, String message) {
        return response(status, body(code, message));
    }

    public static Response response(int status, JsonObjectBuilder body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body.build().toString()).build();
    }

    public static JsonObjectBuilder body(String code, String message) {
        return BUILDERS.createObjectBuilder().add("code", code).add("message", message);
    }

    /** A {@code Retry-After} value: whole seconds, rounded up, at least one. */
    public static String seconds(Duration wait) {
        return String.valueOf(Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)));
    }

    static JsonObjectBuilder body(DomainException e) {
        JsonObjectBuilder body = body(e.kind().code(), e.getMessage());
        if (e.field() != null) {
            body.add("field", e.field());
        }
        List<String> candidates = e.candidates();
        if (!candidates.isEmpty()) {
            body.add("tokenIds", BUILDERS.createArrayBuilder(candidates));
        }
        return body;
    }
}
