package org.rilltokens.tokens.boundary;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.rilltokens.tokens.control.PlainToken;
import org.rilltokens.tokens.entity.UserToken;
import org.rilltokens.users.entity.User;

/**
 * A change in a token's life that its owner may want to hear of, fired inside the transaction that made it and
 * observed once it committed (e.g. {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}). It names the token
 * by its display id and name, never by its secret. {@code byEmail}/{@code byName} say who acted (null: the
 * service itself); {@code reason} says why a token was revoked (null for the other kinds); {@code replaces} is the
 * display id of the token a rotation replaced.
 */
public record TokenEvent(Kind kind, UUID tokenId, String displayId, String displayName, Instant expiresOn,
        String ownerEmail, String ownerName, String byEmail, String byName, Reason reason, String replaces) {

    public enum Kind {
        ISSUED, ROTATED, EXPIRING, REVOKED
    }

    /** Why a token was revoked. */
    public enum Reason {
        /** By its owner. */
        BY_OWNER,
        /** By someone else who may: an org admin or a superuser overseeing tokens. */
        BY_ADMIN,
        /** Found in a public place and reported (the leaked-credentials endpoint). */
        REPORTED_LEAKED,
        /** Unused for longer than the instance allows. */
        UNUSED
    }

    public TokenEvent {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(tokenId);
        if ((kind == Kind.REVOKED) != (reason != null)) {
            throw new IllegalArgumentException("a reason goes with a revocation, and only with one");
        }
    }

    public static TokenEvent issued(UserToken token) {
        return of(Kind.ISSUED, token, null, null, null);
    }

    public static TokenEvent rotated(UserToken successor, UserToken old) {
        return of(Kind.ROTATED, successor, null, null, PlainToken.displayId(old.publicId()));
    }

    public static TokenEvent expiring(UserToken token) {
        return of(Kind.EXPIRING, token, null, null, null);
    }

    /** {@code by} is who revoked it; null when the service did (leaked, unused). */
    public static TokenEvent revoked(UserToken token, Reason reason, User by) {
        return of(Kind.REVOKED, token, by, Objects.requireNonNull(reason), null);
    }

    private static TokenEvent of(Kind kind, UserToken token, User by, Reason reason, String replaces) {
        User owner = token.owner();
        return new TokenEvent(kind, token.id(), PlainToken.displayId(token.publicId()), token.displayName(),
                token.expiresOn().orElse(null), owner.email(), owner.displayName(), by == null ? null : by.email(),
                by == null ? null : by.displayName(), reason, replaces);
    }

    /** Whether someone other than the owner (or the service) did it: what the owner must be told of. */
    public boolean byOther() {
        return !Objects.equals(byEmail, ownerEmail);
    }
}
