package org.rilltokens.tokens.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.tokens.boundary.TokenEvent;
import org.rilltokens.tokens.boundary.TokenTrail;
import org.rilltokens.tokens.entity.TokenPolicy;
import org.rilltokens.tokens.entity.UserToken;

/**
 * Revokes tokens nobody used for the instance's {@code unusedDays} (default 180, 0: never), as Rill does; each stays
 * listed for its owner as revoked, saying why, and the audit trail records it.
 */
@Singleton
public class UnusedTokenRevocation {

    static final String BY = "rill-tokens housekeeping";

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TokenTrail trail;

    @Inject
    Logger log;

    @Schedule(hour = "*", minute = "5", persistent = false)
    void onSchedule() {
        revoke();
    }

    public int revoke() {
        int days = em.find(TokenPolicy.class, TokenPolicy.ID).unusedDays();
        if (days == 0) {
            return 0;
        }
        Instant now = clock.instant();
        List<UserToken> unused = em.createNamedQuery(UserToken.FIND_UNUSED_SINCE, UserToken.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("since", now.minus(Duration.ofDays(days)).atOffset(ZoneOffset.UTC)).getResultList();
        String reason = reason(days);
        Actor service = Actor.service(BY);
        for (UserToken token : unused) {
            token.revoke(now, null, reason);
            trail.record(service, "token.auto-revoke", token, reason);
            trail.revokedForOwner(token, TokenEvent.Reason.UNUSED, null);
        }
        if (!unused.isEmpty()) {
            log.log(Level.INFO, "Revoked {0} tokens unused for {1} days", new Object[] {unused.size(), days});
        }
        return unused.size();
    }

    static String reason(int days) {
        return "not used for " + days + " days (this service revokes tokens unused that long)";
    }
}
