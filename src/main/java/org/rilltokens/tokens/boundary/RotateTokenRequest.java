package org.rilltokens.tokens.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The (optional) body of a rotation: how long the old secret keeps working; none or 0: it stops at once. */
public record RotateTokenRequest(
        @Min(value = 0, message = GRACE_RANGE + "; got ${validatedValue}")
        @Max(value = Tokens.GRACE_MINUTES_MAX, message = GRACE_RANGE + "; got ${validatedValue}")
        Long graceMinutes) {

    static final String GRACE_RANGE = "graceMinutes must be between 0 (the old secret stops at once) and "
            + Tokens.GRACE_MINUTES_MAX + " (a day)";
}
