package org.rilltokens.apis.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rilltokens.access.boundary.Access;
import org.rilltokens.access.control.Permission;
import org.rilltokens.access.control.ProjectCaller;
import org.rilltokens.apis.control.ApiCall;
import org.rilltokens.apis.control.ApiDefinition;
import org.rilltokens.apis.control.LoadedProject;
import org.rilltokens.apis.control.ProjectCatalog;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.TokenScope;

/**
 * A project's custom APIs, called as a user: the caller must be able to read the project's data (else
 * the project is "not found", so its existence is not revealed), and the API's security policy is
 * evaluated with the caller's current attributes on every call.
 */
@ApplicationScoped
public class Apis {

    @Inject
    Access access;

    @Inject
    ProjectCatalog catalog;

    @Inject
    @ConfigProperty(name = "rill.apis.max-rows", defaultValue = "10000")
    int maxRows;

    /**
     * The caller seen from a project whose data they may read through their credential's scope; a project
     * they cannot see is not found, one their token leaves out is forbidden (decided by {@link Access}).
     */
    public ProjectCaller reader(UUID userId, TokenScope scope, String org, String project) {
        return access.project(userId, scope, org, project, Permission.READ_PROJECT_DATA);
    }

    /** The APIs of a project the caller can read, for listing and describing. */
    public List<ApiDefinition> list(ProjectCaller caller) {
        return List.copyOf(loaded(caller).apis().values());
    }

    /** What the project's authors tell AI assistants about it ({@code ai_instructions} in its rill.yaml), if anything. */
    public Optional<String> instructions(ProjectCaller caller) {
        return catalog.project(caller.access().org(), caller.access().project()).map(LoadedProject::aiInstructions)
                .filter(text -> !text.isBlank());
    }

    /** An API of a project and whether its access rule admits the user. */
    public record Offered(ApiDefinition api, boolean admitted) {
    }

    /** Every API of the project, each marked with whether the user's attributes pass its access rule. */
    public List<Offered> offeredTo(ProjectCaller caller) {
        LoadedProject loaded = loaded(caller);
        ApiCall call = call(loaded);
        return loaded.apis().values().stream().map(api -> new Offered(api, call.admits(api, caller.attributes()))).toList();
    }

    /** Runs an API for a caller already resolved for its project (by {@link #reader}). */
    public ApiCall.Result call(ProjectCaller caller, String api, Map<String, Object> arguments) {
        LoadedProject loaded = loaded(caller);
        ApiDefinition definition = loaded.apis().get(api);
        if (definition == null) {
            throw DomainException.notFound("Project " + caller.access().org() + "/" + caller.access().project()
                    + " has no API '" + api + "'; GET …/runtime/api/openapi lists its APIs");
        }
        return call(loaded).run(definition, arguments, caller.attributes());
    }

    private ApiCall call(LoadedProject loaded) {
        return new ApiCall(loaded.data(), catalog.callTimeout(), maxRows);
    }

    private LoadedProject loaded(ProjectCaller caller) {
        String org = caller.access().org();
        String project = caller.access().project();
        return catalog.project(org, project).orElseThrow(() -> notFound(org, project));
    }

    private static DomainException notFound(String org, String project) {
        return DomainException.notFound("No project " + org + "/" + project + " is visible to you");
    }
}
