package org.rilltokens.access.boundary;

import java.time.Instant;
import java.util.Objects;

/**
 * An invitation link was made (new, or renewed: the old link stopped), fired inside that transaction so that the
 * link can be sent to {@code email} once it committed. {@code link} holds the one-time secret: it goes to the
 * invited person only, and {@link #toString()} leaves it out so that no log line ever carries it.
 * {@code projects} is "viewer of project sales, …" or empty; {@code invitedBy} the inviter's display name.
 */
public record InvitationSent(String email, String org, String orgDisplayName, String role, String projects,
        String invitedBy, String link, Instant expiresOn) {

    public InvitationSent {
        Objects.requireNonNull(email);
        Objects.requireNonNull(link);
    }

    @Override
    public String toString() {
        return "InvitationSent[email=" + email + ", org=" + org + ", role=" + role + ", expiresOn=" + expiresOn + "]";
    }
}
