package org.rilltokens.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /v1/health}: answers without a token, for load balancers and for the benchmark's baseline
 * (the same JAX-RS path as every API call, minus authentication).
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private static final JsonObject UP = Json.createObjectBuilder().add("status", "up").build();

    @GET
    public JsonObject health() {
        return UP;
    }
}
