package org.rilltokens.governance.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.rilltokens.access.boundary.Access;
import org.rilltokens.access.boundary.Authority;
import org.rilltokens.access.boundary.OrgScope;
import org.rilltokens.access.control.Permission;
import org.rilltokens.access.control.ScopeRules;
import org.rilltokens.access.entity.Organization;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.platform.DomainException;
import org.rilltokens.tokens.boundary.TokenInfo;
import org.rilltokens.tokens.boundary.TokenEvent;
import org.rilltokens.tokens.boundary.TokenTrail;
import org.rilltokens.tokens.entity.UserToken;

/**
 * Oversight of tokens: an organization's admins see every live token that can reach it (its members' tokens, and
 * tokens restricted to its projects whoever holds them) and revoke any; superusers see and revoke every token. A
 * token revoked here stays listed for its owner, saying who revoked it, when and why.
 */
@ApplicationScoped
@Transactional
public class TokenOversight {

    public static final int LIST_MAX = 5000;

    private static final String LIVE = "t.revokedOn IS NULL AND (t.expiresOn IS NULL OR t.expiresOn > :now)";
    private static final String ORG_REACH = "(o IN (SELECT m.user FROM OrgMembership m WHERE m.organization = :org)"
            + " OR EXISTS (SELECT r FROM UserToken r JOIN r.projects p WHERE r = t AND p.organization = :org))";
    private static final String REACHES_ORG = " AND " + ORG_REACH;
    /**
     * Listed as well (never revocable from here): tokens of people who were removed from the organization or left it
     * after the token was issued. They keep their tokens (other orgs) and the view shows they no longer reach this one.
     */
    private static final String OWNER_LEFT = " OR (o.email IN (SELECT e.subject FROM AuditEvent e WHERE e.orgId = :orgId"
            + " AND e.kind IN ('member.remove', 'member.leave') AND e.occurredOn > t.createdOn)"
            + " AND o NOT IN (SELECT m.user FROM OrgMembership m WHERE m.organization = :org))";

    @PersistenceContext
    EntityManager em;

    @Inject
    Authority authority;

    @Inject
    Access access;

    @Inject
    TokenTrail trail;

    @Inject
    Clock clock;

    /** @param person only this owner's tokens (an email), when given */
    public List<OverseenToken> inOrg(Actor actor, String org, String person) {
        OrgScope scope = authority.org(actor, org);
        scope.require(Permission.MANAGE_ORG_TOKENS);
        Instant now = clock.instant();
        Organization organization = scope.organization();
        Map<UUID, Boolean> reaches = new HashMap<>();
        return reaching(organization, person, now).stream().map(token -> OverseenToken.of(info(token, now), token.owner().email(),
                token.owner().displayName(), reaches.computeIfAbsent(token.owner().id(),
                        owner -> access.org(owner, organization.name()).isPresent()))).toList();
    }

    /** Revokes a token that reaches the organization; any other is not found. */
    public void revokeInOrg(Actor actor, String org, String tokenId) {
        OrgScope scope = authority.orgForChange(actor, org);
        scope.require(Permission.MANAGE_ORG_TOKENS);
        UUID id = id(tokenId);
        Instant now = clock.instant();
        UserToken token = query(LIVE + " AND t.id = :id" + REACHES_ORG, now).setParameter("id", id)
                .setParameter("org", scope.organization()).getResultStream().findFirst()
                .orElseThrow(() -> notFound(tokenId));
        String reason = "revoked by an admin of organization " + org;
        token.revoke(now, actor.email(), reason);
        trail.recordInOrg(actor, scope.organization().id(), scope.organization().name(), "token.revoke-by-admin", token, reason);
        trail.revokedForOwner(token, TokenEvent.Reason.BY_ADMIN, actor.userId());
    }

    public List<OverseenToken> all(Actor actor, String person) {
        authority.service(actor).require(Permission.MANAGE_ALL_TOKENS);
        Instant now = clock.instant();
        TypedQuery<UserToken> query = query(LIVE + (given(person) ? " AND o.email = :person" : ""), now);
        if (given(person)) {
            query.setParameter("person", person.strip().toLowerCase(Locale.ROOT));
        }
        return query.setMaxResults(LIST_MAX).getResultStream()
                .map(token -> OverseenToken.of(info(token, now), token.owner().email(), token.owner().displayName(), null)).toList();
    }

    public void revokeAny(Actor actor, String tokenId) {
        authority.service(actor).require(Permission.MANAGE_ALL_TOKENS);
        Instant now = clock.instant();
        UserToken token = Optional.ofNullable(em.find(UserToken.class, id(tokenId))).filter(found -> found.isLiveAt(now))
                .orElseThrow(() -> notFound(tokenId));
        String reason = "revoked by a superuser";
        token.revoke(now, actor.email(), reason);
        trail.record(actor, "token.revoke-by-admin", token, reason);
        trail.revokedForOwner(token, TokenEvent.Reason.BY_ADMIN, actor.userId());
    }

    private List<UserToken> reaching(Organization organization, String person, Instant now) {
        String listed = " AND (" + ORG_REACH + OWNER_LEFT + ")";
        TypedQuery<UserToken> query = query(LIVE + listed + (given(person) ? " AND o.email = :person" : ""), now)
                .setParameter("org", organization).setParameter("orgId", organization.id().toString());
        if (given(person)) {
            query.setParameter("person", person.strip().toLowerCase(Locale.ROOT));
        }
        return query.setMaxResults(LIST_MAX).getResultList();
    }

    private TypedQuery<UserToken> query(String condition, Instant now) {
        return em.createQuery("SELECT t FROM UserToken t JOIN FETCH t.owner o WHERE " + condition
                + " ORDER BY o.email, t.createdOn DESC", UserToken.class).setParameter("now", now.atOffset(ZoneOffset.UTC));
    }

    private TokenInfo info(UserToken token, Instant now) {
        Map<String, Duration> maxima = access.tokenMaxLifetimes(token.owner().id());
        return TokenInfo.of(token, now, ScopeRules.blockingOrgs(token.scope(), maxima));
    }

    private static UUID id(String tokenId) {
        try {
            return UUID.fromString(tokenId.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("tokenId", "tokenId is the token's id (a UUID, as listed); got '" + tokenId + "'");
        }
    }

    private static DomainException notFound(String tokenId) {
        return DomainException.notFound("No live token " + tokenId + " is visible to you here");
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }
}
