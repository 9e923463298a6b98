package org.rilltokens.platform;

import java.util.Objects;

/**
 * An error of an OAuth endpoint (RFC 6749 §5.2 and the RFCs that extend it): answered as
 * {@code {"error": ..., "error_description": ...}}, the shape OAuth clients parse, usually with status 400.
 * Some of them, like the device grant's {@code authorization_pending}, are the normal answer to a poll.
 */
public class OAuthError extends RuntimeException {

    private final String error;
    private final int status;

    public OAuthError(int status, String error, String description) {
        super(Objects.requireNonNull(description), null, false, false);
        this.error = Objects.requireNonNull(error);
        this.status = status;
    }

    public OAuthError(String error, String description) {
        this(400, error, description);
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }
}
