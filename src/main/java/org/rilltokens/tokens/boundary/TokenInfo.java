package org.rilltokens.tokens.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.rilltokens.tokens.control.PlainToken;
import org.rilltokens.tokens.entity.UserToken;

/** What a token's owner may see of it: everything except the secret (so a portal page may keep it). */
public record TokenInfo(UUID id, String prefix, String displayName, Instant createdOn, Instant expiresOn,
        Instant usedOn, String usedIp, String usedUserAgent, String status) implements Serializable {

    static TokenInfo of(UserToken token, Instant now) {
        return new TokenInfo(token.id(), PlainToken.displayId(token.publicId()), token.displayName(), token.createdOn(),
                token.expiresOn().orElse(null), token.usedOn().orElse(null), token.usedIp().orElse(null),
                token.usedUserAgent().orElse(null), token.statusAt(now).name().toLowerCase(Locale.ROOT));
    }
}
