package org.rilltokens.users.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rilltokens.users.entity.User;

/** The body of {@code PUT /v1/users/current}: the display name, counted without surrounding spaces. */
public record DisplayNameRequest(
        @NotBlank(message = Accounts.DISPLAY_NAME_RANGE)
        @Size(max = User.NAME_MAX, message = Accounts.DISPLAY_NAME_RANGE)
        String displayName) {

    public DisplayNameRequest {
        displayName = displayName == null ? null : displayName.strip();
    }
}
