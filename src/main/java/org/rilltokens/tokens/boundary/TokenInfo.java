package org.rilltokens.tokens.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.rilltokens.tokens.control.PlainToken;
import org.rilltokens.tokens.entity.UserToken;
import org.rilltokens.users.boundary.TokenScope;

/**
 * What a token's owner may see of it: everything except the secret (so a portal page may keep it).
 * {@code projects} is null for a token that reaches all of its owner's projects.
 */
public record TokenInfo(UUID id, String prefix, String displayName, Instant createdOn, Instant expiresOn,
        Instant usedOn, String usedIp, String usedUserAgent, String status, List<String> projects, boolean readOnly)
        implements Serializable {

    public TokenInfo {
        projects = projects == null ? null : List.copyOf(projects);
    }

    static TokenInfo of(UserToken token, Instant now) {
        TokenScope scope = token.scope();
        return new TokenInfo(token.id(), PlainToken.displayId(token.publicId()), token.displayName(), token.createdOn(),
                token.expiresOn().orElse(null), token.usedOn().orElse(null), token.usedIp().orElse(null),
                token.usedUserAgent().orElse(null), token.statusAt(now).name().toLowerCase(Locale.ROOT),
                scope.projects().map(List::copyOf).orElse(null), scope.readOnly());
    }
}
