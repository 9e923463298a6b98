package org.rilltokens.apis.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import org.rilltokens.access.control.ProjectCaller;
import org.rilltokens.apis.control.OpenApiDocument;
import org.rilltokens.apis.control.ResultJson;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.JsonInput;
import org.rilltokens.platform.QueryArguments;
import org.rilltokens.users.boundary.TokenCaller;

/** A project's custom APIs over HTTP: arguments from the query string (GET) or a JSON object (POST). */
@Path("organizations/{org}/projects/{project}/runtime/api")
@Produces(MediaType.APPLICATION_JSON)
public class ApisResource {

    @Inject
    HttpServletRequest request;

    @Inject
    Apis apis;

    @PathParam("org")
    String org;

    @PathParam("project")
    String project;

    @GET
    @Path("openapi")
    public JsonObject openapi() {
        return OpenApiDocument.of(org, project, apis.list(reader()));
    }

    @GET
    @Path("{name}")
    @QueryArguments
    public JsonArray get(@PathParam("name") String name, @Context UriInfo uri) {
        return ResultJson.rows(apis.call(reader(), name, queryArguments(uri)));
    }

    @POST
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonArray post(@PathParam("name") String name, JsonObject arguments) {
        JsonObject given = arguments == null ? JsonValue.EMPTY_JSON_OBJECT : arguments;
        return ResultJson.rows(apis.call(reader(), name, JsonInput.values(given)));
    }

    private ProjectCaller reader() {
        TokenCaller caller = TokenCaller.of(request);
        return apis.reader(caller.userId(), caller.scope(), org, project);
    }

    private static Map<String, Object> queryArguments(UriInfo uri) {
        Map<String, Object> arguments = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (values.size() > 1) {
                throw DomainException.invalid(name, "Argument '" + name + "' is given " + values.size() + " times; give it once");
            }
            arguments.put(name, values.get(0));
        });
        return arguments;
    }

}
