package org.rilltokens.tokens.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.audit.boundary.Change;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.tokens.control.PlainToken;
import org.rilltokens.tokens.entity.UserToken;
import org.rilltokens.users.entity.User;

/**
 * Token events in the audit trail ({@code token.issue}, {@code token.rotate}, {@code token.revoke}, …), in the
 * transaction that makes them. The subject is the owner's email, so that the owner finds them among their own
 * activity; the token is named by its display id and name, never its secret.
 */
@ApplicationScoped
public class TokenTrail {

    @Inject
    AuditTrail trail;

    @Inject
    HttpServletRequest request;

    @Inject
    Event<TokenEvent> events;

    @PersistenceContext
    EntityManager em;

    /** An event the token's owner caused, in the request being served (portal, REST, CLI, device login). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void byOwner(String kind, UserToken token, String after) {
        UUID owner = token.owner().id();
        record(Actor.of(owner, token.owner().email(), TokenScope.FULL, request), kind, token, after);
    }

    /** An event someone else (a superuser, a leak reporter, the service) caused. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Actor actor, String kind, UserToken token, String after) {
        trail.record(actor, Change.ofAccount(kind, token.owner().email(), describe(token), after));
    }

    /** An event in one organization's trail (an org admin revoking a token that reaches it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordInOrg(Actor actor, UUID orgId, String orgName, String kind, UserToken token, String after) {
        trail.record(actor, Change.inOrg(orgId, orgName, kind, token.owner().email(), describe(token), after));
    }

    /**
     * A token someone other than its owner ended ({@link UserToken#revoke}), told to the owner once the transaction
     * commits (the notices mail it); {@code by} is who did it, null when the service did (leak report, unused).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revokedForOwner(UserToken token, TokenEvent.Reason reason, UUID by) {
        events.fire(TokenEvent.revoked(token, reason, by == null ? null : em.find(User.class, by)));
    }

    /** {@code rill_usr_1HZsmMS6bu “nightly export”}. */
    public static String describe(UserToken token) {
        return PlainToken.displayId(token.publicId()) + " “" + token.displayName() + "”";
    }
}
