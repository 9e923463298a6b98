package org.rilltokens.access.boundary;

import org.rilltokens.access.entity.Project;

/** A project in a list: its name and description. */
public record ProjectInfo(String name, String description) {

    static ProjectInfo of(Project project) {
        return new ProjectInfo(project.name(), project.description());
    }
}
