package org.rilltokens.tokens.boundary;

import static org.rilltokens.tokens.entity.UserToken.DISPLAY_NAME_MAX;
import static org.rilltokens.tokens.entity.UserToken.TTL_MINUTES_MAX;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rilltokens.tokens.entity.UserToken;

/** The body of {@code POST /v1/users/current/tokens}; the display name counts as typed, without surrounding spaces. */
public record IssueTokenRequest(
        @NotBlank(message = UserToken.DISPLAY_NAME_REQUIRED)
        @Size(max = DISPLAY_NAME_MAX, message = UserToken.DISPLAY_NAME_TOO_LONG)
        String displayName,
        @Min(value = 1, message = UserToken.TTL_RANGE + "; got ${validatedValue}")
        @Max(value = TTL_MINUTES_MAX, message = UserToken.TTL_RANGE + "; got ${validatedValue}")
        Long ttlMinutes) {

    public IssueTokenRequest {
        displayName = displayName == null ? null : displayName.strip();
    }
}
