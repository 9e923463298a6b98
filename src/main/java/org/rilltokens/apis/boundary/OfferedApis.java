package org.rilltokens.apis.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rilltokens.access.control.ProjectCaller;
import org.rilltokens.platform.DomainException;

/** The Access page's column "APIs your tokens can call": a project's APIs, each marked admitted or refused. */
@Named
@RequestScoped
public class OfferedApis {

    @Inject
    Apis apis;

    // The page asks twice per project (is it empty, then each row) while rendering one response.
    private final Map<ProjectCaller, List<Apis.Offered>> offered = new HashMap<>();

    public List<Apis.Offered> to(ProjectCaller caller) {
        return offered.computeIfAbsent(caller, this::offeredTo);
    }

    private List<Apis.Offered> offeredTo(ProjectCaller caller) {
        try {
            return apis.offeredTo(caller);
        } catch (DomainException noApis) {
            return List.of();
        }
    }
}
