package org.rilltokens.apis.control;

import java.util.List;
import java.util.Map;

/** A project as its folder was last read: its APIs by name, its data, and what could not be loaded. */
public record LoadedProject(String org, String name, Map<String, ApiDefinition> apis, ProjectData data,
        List<ProjectProblem> problems) {

    public LoadedProject {
        apis = Map.copyOf(apis);
        problems = List.copyOf(problems);
    }
}
