package org.rilltokens.apis.control;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A project as its folder was last read: its APIs by name (in name order, as every listing shows them), its
 * data, what its authors tell AI assistants ({@code ai_instructions} of its {@code rill.yaml}; null when nothing),
 * and what could not be loaded.
 */
public record LoadedProject(String org, String name, Map<String, ApiDefinition> apis, ProjectData data,
        String aiInstructions, List<ProjectProblem> problems) {

    public LoadedProject {
        apis = Collections.unmodifiableSortedMap(new TreeMap<>(apis));
        problems = List.copyOf(problems);
    }
}
