package org.rilltokens.tokens.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rilltokens.access.boundary.Access;
import org.rilltokens.access.control.ScopeRules;
import org.rilltokens.access.entity.Project;
import org.rilltokens.platform.ClusterEpoch;
import org.rilltokens.platform.DomainException;
import org.rilltokens.tokens.control.PageCursor;
import org.rilltokens.tokens.control.PlainToken;
import org.rilltokens.tokens.control.TokenReference;
import org.rilltokens.tokens.entity.TokenPolicy;
import org.rilltokens.tokens.entity.UserToken;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.users.entity.User;

/**
 * The token life cycle, for the portal and the API alike: issue, list and revoke (a bearer token is checked by
 * {@link TokenCheck}). Every method acts for one owner and only ever sees that owner's tokens.
 */
@ApplicationScoped
@Transactional
public class Tokens {

    public static final int PAGE_SIZE_MAX = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;


    @Inject
    Access access;

    @Inject
    ClusterEpoch epoch;

    @Inject
    Event<TokenEvent> events;

    @Inject
    TokenTrail trail;

    /** A token with all of its owner's access, issued where the owner is signed in (portal, device login). */
    public IssuedToken issue(UUID ownerId, String displayName, Long ttlMinutes) {
        return issue(ownerId, TokenScope.FULL, IssueTokenRequest.unrestricted(displayName, policy().fitted(ttlMinutes)));
    }

    /** The instance's token policy (superusers change it through governance). */
    public TokenPolicy policy() {
        return em.find(TokenPolicy.class, TokenPolicy.ID);
    }

    /**
     * Issues a token as asked, through a credential of scope {@code through}: a read-only token issues none,
     * and a token restricted to projects issues only tokens restricted to some of them, so no token ever
     * issues one that reaches more than itself.
     */
    public IssuedToken issue(UUID ownerId, TokenScope through, IssueTokenRequest request) {
        return issue(ownerId, through, request, null);
    }

    /**
     * A token for an OAuth client, issued where its owner is signed in: the token (as listed and revoked) lives
     * {@code request.ttlMinutes()}, its secret only {@code secretLifetime}; the client gets new secrets by
     * {@link #renew}.
     */
    public IssuedToken issueRenewable(UUID ownerId, IssueTokenRequest request, Duration secretLifetime) {
        return issue(ownerId, TokenScope.FULL, request, Objects.requireNonNull(secretLifetime));
    }

    private IssuedToken issue(UUID ownerId, TokenScope through, IssueTokenRequest request, Duration secretLifetime) {
        access.requireWritable(through);
        UserToken.validTtl(request.ttlMinutes());
        policy().check(request.ttlMinutes());
        User owner = owner(ownerId);
        Set<Project> projects = request.projects() == null ? null : access.restriction(ownerId, through, request.projects());
        if (projects == null && through.isRestricted()) {
            throw DomainException.forbidden("This token is restricted to " + String.join(", ", through.projects().orElseThrow())
                    + ": a token it issues must be restricted to some of them (give projects)");
        }
        PlainToken plain = PlainToken.generate();
        Instant now = clock.instant();
        UserToken token = new UserToken(owner, plain.id(), PlainToken.publicId(plain.id()), plain.secretHash(),
                request.displayName(), request.ttlMinutes(), now, projects, request.readOnly());
        if (secretLifetime != null) {
            token.limitSecret(now.plus(secretLifetime));
        }
        em.persist(token);
        events.fire(TokenEvent.issued(token));
        trail.byOwner("token.issue", token, token.expiresOn().map(expires -> "expires " + expires).orElse("never expires"));
        return new IssuedToken(plain.text(), TokenInfo.of(token, now));
    }

    /**
     * A new secret for a renewable token that still exists and whose owner is still active (the old secret stops
     * working), and {@code ttlMinutes} more life for the token; empty when it was revoked, expired or its owner left.
     */
    public Optional<IssuedToken> renew(UUID tokenId, Duration secretLifetime, long ttlMinutes) {
        Instant now = clock.instant();
        Optional<UserToken> found = Optional.ofNullable(em.find(UserToken.class, tokenId, LockModeType.PESSIMISTIC_WRITE))
                .filter(token -> token.isLiveAt(now) && token.owner().isActive());
        return found.map(token -> {
            PlainToken plain = PlainToken.generate(token.id());
            token.renew(plain.secretHash(), now.plus(secretLifetime), ttlMinutes, now);
            return new IssuedToken(plain.text(), TokenInfo.of(token, now));
        });
    }

    /** @param pageSize 1 to {@link #PAGE_SIZE_MAX} (checked where it comes in), or null for the most */
    public TokenPage list(UUID ownerId, Integer pageSize, String pageToken) {
        int size = pageSize == null ? PAGE_SIZE_MAX : Math.max(1, Math.min(pageSize, PAGE_SIZE_MAX));
        Instant now = clock.instant();
        List<UserToken> found = pageQuery(owner(ownerId), pageToken, now).setMaxResults(size + 1).getResultList();
        Map<String, Duration> maxima = access.tokenMaxLifetimes(ownerId);
        List<TokenInfo> page = found.stream().limit(size)
                .map(token -> TokenInfo.of(token, now, ScopeRules.blockingOrgs(token.scope(), maxima))).toList();
        String next = null;
        if (found.size() > size) {
            UserToken last = found.get(size - 1);
            next = new PageCursor(last.createdOn(), last.id()).encode();
        }
        return new TokenPage(page, next);
    }

    private TypedQuery<UserToken> pageQuery(User owner, String pageToken, Instant now) {
        var listedAfter = now.minus(UserToken.EXPIRED_LISTING).atOffset(ZoneOffset.UTC);
        if (pageToken == null || pageToken.isEmpty()) {
            return em.createNamedQuery(UserToken.FIND_BY_OWNER, UserToken.class)
                    .setParameter("owner", owner).setParameter("listedAfter", listedAfter);
        }
        PageCursor cursor = PageCursor.decode(pageToken).orElseThrow(() -> DomainException.invalid("pageToken",
                "pageToken is not one this server handed out; list again without it"));
        return em.createNamedQuery(UserToken.FIND_BY_OWNER_BEFORE, UserToken.class)
                .setParameter("owner", owner).setParameter("listedAfter", listedAfter)
                .setParameter("createdOn", cursor.createdOn().atOffset(ZoneOffset.UTC))
                .setParameter("id", cursor.id());
    }

    /** The longest grace period of a rotation: a day. */
    public static final int GRACE_MINUTES_MAX = 1440;

    /**
     * A new secret for a token: a new token with the same display name, restriction and lifetime length, shown
     * once; the old one stops at once, or at the end of {@code graceMinutes} so that its users can switch over.
     */
    public IssuedToken rotate(UUID ownerId, TokenScope through, String reference, UUID currentTokenId, Long graceMinutes) {
        access.requireWritable(through);
        long grace = graceMinutes == null ? 0 : graceMinutes;
        if (grace < 0 || grace > GRACE_MINUTES_MAX) {
            throw DomainException.invalid("graceMinutes", RotateTokenRequest.GRACE_RANGE + "; got " + grace);
        }
        User owner = owner(ownerId);
        UserToken old = find(owner, reference, currentTokenId);
        Instant now = clock.instant();
        if (!old.isLiveAt(now)) {
            throw DomainException.conflict("Token " + PlainToken.displayId(old.publicId()) + " has "
                    + (old.isExpiredAt(now) ? "expired" : "been revoked") + " and cannot be rotated; issue a new token instead",
                    List.of(old.id().toString()));
        }
        if (old.isRenewable()) {
            // Its client renews the secret with a refresh token; a successor would be a second token it never sees.
            throw DomainException.conflict("Token " + PlainToken.displayId(old.publicId()) + " belongs to an assistant connected"
                    + " with OAuth, which gets new secrets by itself; revoke it to disconnect the assistant", List.of(old.id().toString()));
        }
        Long ttlMinutes = old.lifetime().map(lifetime -> Math.max(1, lifetime.toMinutes())).orElse(null);
        policy().check(ttlMinutes);
        PlainToken plain = PlainToken.generate();
        UserToken successor = new UserToken(owner, plain.id(), PlainToken.publicId(plain.id()), plain.secretHash(),
                old.displayName(), ttlMinutes, now, old.restriction(), old.isReadOnly());
        if (grace == 0) {
            em.remove(old);
        } else {
            old.endBy(now.plus(Duration.ofMinutes(grace)));
        }
        em.persist(successor);
        events.fire(TokenEvent.rotated(successor, old));
        trail.byOwner("token.rotate", old, TokenTrail.describe(successor) + (grace == 0 ? "" : ", old one ends in " + grace + " min"));
        return new IssuedToken(plain.text(), TokenInfo.of(successor, now));
    }

    /** Revokes one token named by UUID, display id or longer prefix, full token, or {@code current}. */
    public void revoke(UUID ownerId, TokenScope through, String reference, UUID currentTokenId) {
        access.requireWritable(through);
        User owner = owner(ownerId);
        UserToken token = find(owner, reference, currentTokenId);
        remove(token, owner);
    }

    /** Revokes one token the owner picked from their list; gone already: not found. */
    public void revoke(UUID ownerId, UUID tokenId) {
        User owner = owner(ownerId);
        remove(byId(owner, tokenId).orElseThrow(() -> DomainException.notFound("You have no token " + tokenId)), owner);
    }

    private void remove(UserToken token, User owner) {
        trail.byOwner("token.revoke", token, null);
        em.remove(token);
        events.fire(TokenEvent.revoked(token, TokenEvent.Reason.BY_OWNER, owner));
    }

    private UserToken find(User owner, String reference, UUID currentTokenId) {
        TokenReference parsed = TokenReference.parse(reference)
                .orElseThrow(() -> DomainException.invalid("tokenId", TokenReference.HINT + "; got '" + reference + "'"));
        Optional<UserToken> found;
        if (parsed instanceof TokenReference.ById byId) {
            found = byId(owner, byId.id());
        } else if (parsed instanceof TokenReference.ByPrefix byPrefix) {
            found = byPrefix(owner, byPrefix.publicIdPrefix());
        } else {
            found = byId(owner, Optional.ofNullable(currentTokenId).orElseThrow(
                    () -> DomainException.invalid("tokenId", "'current' names a token only in a request made with one")));
        }
        return found.orElseThrow(() -> DomainException.notFound("You have no token " + reference.strip()));
    }

    private Optional<UserToken> byId(User owner, UUID id) {
        return Optional.ofNullable(em.find(UserToken.class, id)).filter(token -> token.owner().equals(owner));
    }

    private Optional<UserToken> byPrefix(User owner, String prefix) {
        List<UserToken> matches = em.createNamedQuery(UserToken.FIND_BY_OWNER_AND_PREFIX, UserToken.class)
                .setParameter("owner", owner).setParameter("prefix", prefix + "%").getResultList();
        if (matches.size() > 1) {
            throw DomainException.conflict("Several of your tokens start with " + PlainToken.PREFIX + prefix
                    + "; give more characters or the token id", ids(matches));
        }
        return matches.stream().findFirst();
    }

    /** Revokes the tokens called {@code displayName}; several only when {@code all} says so. */
    public int revokeByName(UUID ownerId, TokenScope through, String displayName, boolean all) {
        access.requireWritable(through);
        String name = UserToken.validDisplayName(displayName);
        User owner = owner(ownerId);
        List<UserToken> named = em.createNamedQuery(UserToken.FIND_BY_OWNER_AND_NAME, UserToken.class)
                .setParameter("owner", owner).setParameter("displayName", name).getResultList();
        if (named.isEmpty()) {
            throw DomainException.notFound("You have no token named '" + name + "'");
        }
        if (named.size() > 1 && !all) {
            throw DomainException.conflict(named.size() + " of your tokens are named '" + name
                    + "'; revoke one by its id, or pass all=true to revoke them all", ids(named));
        }
        named.forEach(token -> remove(token, owner));
        return named.size();
    }

    /**
     * One statement for all of them; the owner is told nothing (they did it), so no {@link TokenEvent} per token. A bulk
     * statement passes no entity callback, so it counts its change itself.
     */
    public int revokeAll(UUID ownerId, TokenScope through) {
        access.requireWritable(through);
        epoch.changed();
        return em.createNamedQuery(UserToken.DELETE_BY_OWNER).setParameter("owner", owner(ownerId)).executeUpdate();
    }

    private User owner(UUID ownerId) {
        return Optional.ofNullable(em.find(User.class, ownerId))
                .orElseThrow(() -> DomainException.notFound("No such user"));
    }

    private static List<String> ids(List<UserToken> tokens) {
        return tokens.stream().map(token -> token.id().toString()).toList();
    }
}
