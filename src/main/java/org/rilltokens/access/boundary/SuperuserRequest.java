package org.rilltokens.access.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /v1/superuser/members}: make someone a superuser, or no longer one. */
public record SuperuserRequest(
        @NotBlank(message = "email is required") String email,
        @NotNull(message = "superuser is required: true or false") Boolean superuser) {
}
