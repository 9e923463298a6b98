package org.rilltokens.tokens.boundary;

import static org.rilltokens.tokens.entity.UserToken.DISPLAY_NAME_MAX;
import static org.rilltokens.tokens.entity.UserToken.TTL_MINUTES_MAX;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.rilltokens.access.boundary.Access;
import org.rilltokens.tokens.entity.UserToken;

/**
 * What a person asks for when issuing a token, and the body of {@code POST /v1/users/current/tokens}: a name
 * (counted as typed, without surrounding spaces), a lifetime (null: never expires), optionally the only projects
 * it may reach ({@code org/project}; null: all of the owner's) and whether it may only read.
 */
public record IssueTokenRequest(
        @NotBlank(message = UserToken.DISPLAY_NAME_REQUIRED)
        @Size(max = DISPLAY_NAME_MAX, message = UserToken.DISPLAY_NAME_TOO_LONG)
        String displayName,
        @Min(value = 1, message = UserToken.TTL_RANGE + "; got ${validatedValue}")
        @Max(value = TTL_MINUTES_MAX, message = UserToken.TTL_RANGE + "; got ${validatedValue}")
        Long ttlMinutes,
        @Size(min = 1, max = Access.RESTRICTION_MAX, message = "projects names 1 to " + Access.RESTRICTION_MAX
                + " org/project paths; leave it out for a token with all of your access")
        List<String> projects,
        boolean readOnly) {

    public IssueTokenRequest {
        displayName = displayName == null ? null : displayName.strip();
        projects = projects == null ? null : List.copyOf(projects);
    }

    /** A token with all of its owner's access. */
    public static IssueTokenRequest unrestricted(String displayName, Long ttlMinutes) {
        return new IssueTokenRequest(displayName, ttlMinutes, null, false);
    }
}
