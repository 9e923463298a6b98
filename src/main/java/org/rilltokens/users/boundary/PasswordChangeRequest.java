package org.rilltokens.users.boundary;

import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /v1/users/current/password}: the current password, and the new one. */
public record PasswordChangeRequest(
        @NotNull(message = "currentPassword is required") String currentPassword,
        @NotNull(message = "newPassword is required") String newPassword) {
}
