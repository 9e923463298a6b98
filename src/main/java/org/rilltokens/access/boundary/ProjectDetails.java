package org.rilltokens.access.boundary;

import java.util.Map;

/** {@code GET …/projects/{project}}: the project, the caller's effective role there, and what they may do. */
public record ProjectDetails(ProjectInfo project, String role, Map<String, Boolean> permissions) {
}
