package org.rilltokens.access.boundary;

import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /v1/superuser/users/{email}}: deactivate ({@code false}) or reactivate an account. */
public record ActiveRequest(@NotNull(message = "active is required: true or false") Boolean active) {
}
