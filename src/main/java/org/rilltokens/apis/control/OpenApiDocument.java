package org.rilltokens.apis.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** An OpenAPI 3 description of a project's custom APIs: one GET and one POST per API, with its arguments. */
public final class OpenApiDocument {

    private OpenApiDocument() {
    }

    public static JsonObject of(String org, String project, List<ApiDefinition> apis) {
        JsonObjectBuilder paths = Json.createObjectBuilder();
        for (ApiDefinition api : apis) {
            paths.add("/" + api.name(), Json.createObjectBuilder()
                    .add("get", operation(api, "get").add("parameters", queryParameters(api)))
                    .add("post", operation(api, "post").add("requestBody", body(api))));
        }
        return Json.createObjectBuilder()
                .add("openapi", "3.0.3")
                .add("info", Json.createObjectBuilder().add("title", org + "/" + project + " custom APIs").add("version", "1"))
                .add("servers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("url", "/v1/organizations/" + org + "/projects/" + project + "/runtime/api")))
                .add("security", Json.createArrayBuilder().add(Json.createObjectBuilder().add("bearer", Json.createArrayBuilder())))
                .add("paths", paths)
                .add("components", Json.createObjectBuilder().add("securitySchemes", Json.createObjectBuilder()
                        .add("bearer", Json.createObjectBuilder().add("type", "http").add("scheme", "bearer")
                                .add("description", "A user token (rill_usr_…); the API answers as its owner"))))
                .build();
    }

    private static JsonObjectBuilder operation(ApiDefinition api, String method) {
        JsonObjectBuilder operation = Json.createObjectBuilder()
                .add("operationId", method + "_" + api.name().replace('-', '_'))
                .add("summary", api.summary() == null ? "Custom API " + api.name() : api.summary());
        if (api.description() != null) {
            operation.add("description", api.description());
        }
        JsonObjectBuilder rows = Json.createObjectBuilder().add("type", "array")
                .add("items", Json.createObjectBuilder().add("type", "object"));
        JsonObjectBuilder ok = Json.createObjectBuilder().add("description", "The rows the caller may see")
                .add("content", Json.createObjectBuilder().add("application/json", Json.createObjectBuilder().add("schema", rows)));
        return operation.add("responses", Json.createObjectBuilder()
                .add("200", ok)
                .add("400", described("A missing, unknown or mistyped argument"))
                .add("401", described("No valid user token"))
                .add("403", described("The API's security policy does not admit the caller"))
                .add("404", described("No such project or API visible to the caller")));
    }

    private static JsonArrayBuilder queryParameters(ApiDefinition api) {
        JsonArrayBuilder parameters = Json.createArrayBuilder();
        for (ApiParameter parameter : api.parameters()) {
            JsonObjectBuilder item = Json.createObjectBuilder().add("name", parameter.name()).add("in", "query")
                    .add("required", parameter.required()).add("schema", schema(parameter));
            if (parameter.description() != null) {
                item.add("description", parameter.description());
            }
            parameters.add(item);
        }
        return parameters;
    }

    private static JsonObjectBuilder body(ApiDefinition api) {
        JsonObjectBuilder properties = Json.createObjectBuilder();
        JsonArrayBuilder required = Json.createArrayBuilder();
        for (ApiParameter parameter : api.parameters()) {
            properties.add(parameter.name(), schema(parameter));
            if (parameter.required()) {
                required.add(parameter.name());
            }
        }
        return Json.createObjectBuilder().add("content", Json.createObjectBuilder().add("application/json",
                Json.createObjectBuilder().add("schema", Json.createObjectBuilder().add("type", "object")
                        .add("properties", properties).add("required", required).add("additionalProperties", false))));
    }

    private static JsonObjectBuilder schema(ApiParameter parameter) {
        JsonObjectBuilder schema = Json.createObjectBuilder().add("type", parameter.type());
        return parameter.format() == null ? schema : schema.add("format", parameter.format());
    }

    private static JsonObjectBuilder described(String description) {
        return Json.createObjectBuilder().add("description", description);
    }
}
