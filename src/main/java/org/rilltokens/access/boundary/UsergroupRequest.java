package org.rilltokens.access.boundary;

import jakarta.validation.constraints.NotBlank;

/** The body of {@code POST .../usergroups} and {@code PUT .../usergroups/{group}}: the group's (new) name. */
public record UsergroupRequest(@NotBlank(message = "name is required") String name) {
}
