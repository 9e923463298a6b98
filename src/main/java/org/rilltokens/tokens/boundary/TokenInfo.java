package org.rilltokens.tokens.boundary;

import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.annotation.JsonbTypeAdapter;
import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.rilltokens.tokens.entity.UserToken;

/** What a token's owner may see of it: everything except the secret (so a portal page may keep it). */
public record TokenInfo(UUID id, String prefix, String displayName, Instant createdOn, Instant expiresOn,
        Instant usedOn, String usedIp, String usedUserAgent,
        @JsonbTypeAdapter(StatusName.class) UserToken.Status status) implements Serializable {

    static TokenInfo of(UserToken token, Instant now) {
        return new TokenInfo(token.id(), token.displayId(), token.displayName(), token.createdOn(),
                token.expiresOn().orElse(null), token.usedOn().orElse(null), token.usedIp().orElse(null),
                token.usedUserAgent().orElse(null), token.statusAt(now));
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
