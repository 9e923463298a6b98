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
 * {@code projects} is null for a token that reaches all of its owner's projects.
 */
public record TokenInfo(UUID id, String prefix, String displayName, Instant createdOn, Instant expiresOn,
        Instant usedOn, String usedIp, String usedUserAgent,
        @JsonbTypeAdapter(StatusName.class) UserToken.Status status, List<String> projects, boolean readOnly)
        implements Serializable {

    public TokenInfo {
        projects = projects == null ? null : List.copyOf(projects);
    }

    static TokenInfo of(UserToken token, Instant now) {
        TokenScope scope = token.scope();
        return new TokenInfo(token.id(), PlainToken.displayId(token.publicId()), token.displayName(), token.createdOn(),
                token.expiresOn().orElse(null), token.usedOn().orElse(null), token.usedIp().orElse(null),
                token.usedUserAgent().orElse(null), token.statusAt(now),
                scope.projects().map(List::copyOf).orElse(null), scope.readOnly());
    }

    /** The API says {@code "active"} and {@code "expired"}. */
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
