package org.rilltokens.access.boundary;

import jakarta.validation.constraints.NotBlank;

/** The body of {@code POST .../members} (of an organization or a project): who, by email, with which role. */
public record MemberRequest(
        @NotBlank(message = "email is required") String email,
        @NotBlank(message = "role is required") String role) {
}
