package org.rilltokens.tokens.boundary;

import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.rilltokens.tokens.control.PlainToken;
import org.rilltokens.tokens.entity.UserToken;
import org.rilltokens.platform.TokenScope;

/**
 * What a token's owner may see of it: everything except the secret (so a portal page may keep it).
 * {@code projects} is null for a token that reaches all of its owner's projects. A token someone else revoked
 * (status {@code revoked}) says when, by whom ({@code revokedBy}: an email, null when the service did) and why;
 * {@code blockedIn} names the organizations whose maximum token lifetime it exceeds, so it cannot reach their projects.
 */
public record TokenInfo(UUID id, String prefix, String displayName, Instant createdOn, Instant expiresOn,
        Instant usedOn, String usedIp, String usedUserAgent,
        @JsonbTypeAdapter(StatusName.class) UserToken.Status status, List<String> projects, boolean readOnly,
        Instant revokedOn, String revokedBy, String revokeReason, List<String> blockedIn)
        implements Serializable {

    public TokenInfo {
        projects = projects == null ? null : List.copyOf(projects);
        blockedIn = blockedIn == null ? List.of() : List.copyOf(blockedIn);
    }

    public TokenInfo(UUID id, String prefix, String displayName, Instant createdOn, Instant expiresOn, Instant usedOn,
            String usedIp, String usedUserAgent, UserToken.Status status, List<String> projects, boolean readOnly) {
        this(id, prefix, displayName, createdOn, expiresOn, usedOn, usedIp, usedUserAgent, status, projects, readOnly,
                null, null, null, List.of());
    }

    public static TokenInfo of(UserToken token, Instant now) {
        return of(token, now, List.of());
    }

    /** @param blockedIn the organizations whose token policy keeps it from their projects (it lives too long) */
    public static TokenInfo of(UserToken token, Instant now, List<String> blockedIn) {
        TokenScope scope = token.scope();
        return new TokenInfo(token.id(), PlainToken.displayId(token.publicId()), token.displayName(), token.createdOn(),
                token.expiresOn().orElse(null), token.usedOn().orElse(null), token.usedIp().orElse(null),
                token.usedUserAgent().orElse(null), token.statusAt(now),
                scope.projects().map(List::copyOf).orElse(null), scope.readOnly(), token.revokedOn().orElse(null),
                token.revokedBy().orElse(null), token.revokeReason().orElse(null), blockedIn);
    }

    /** The API says {@code "active"}, {@code "expired"} and {@code "revoked"}. */
    public static final class StatusName implements JsonbAdapter<UserToken.Status, String> {

        @Override
        public String adaptToJson(UserToken.Status status) {
            return status.name().toLowerCase(Locale.ROOT);
        }

        @Override
        public UserToken.Status adaptFromJson(String name) {
            return UserToken.Status.valueOf(name.toUpperCase(Locale.ROOT));
        }
    }
}
