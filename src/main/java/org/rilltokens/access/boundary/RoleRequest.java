package org.rilltokens.access.boundary;

import jakarta.validation.constraints.NotBlank;

/** The body of a role change: of a member, a project member or a group on a project. */
public record RoleRequest(@NotBlank(message = "role is required") String role) {
}
