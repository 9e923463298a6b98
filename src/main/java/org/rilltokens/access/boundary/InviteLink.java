package org.rilltokens.access.boundary;

import java.time.Instant;

/** A one-time invitation link, shown once to the admin who asked for it. */
public record InviteLink(String url, Instant expiresOn) {
}
