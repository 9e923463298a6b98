package org.rilltokens.tokens.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.tokens.boundary.TokenTrail;
import org.rilltokens.tokens.entity.UserToken;

/**
 * Deletes tokens that expired more than a day ago (until then they stay listed as expired), and tokens revoked by
 * someone else more than {@link UserToken#REVOKED_LISTING} ago.
 */
@Singleton
public class ExpiredTokenPurge {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Logger log;

    @Inject
    TokenTrail trail;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void onSchedule() {
        purge();
    }

    public int purge() {
        Instant now = clock.instant();
        em.createNamedQuery(UserToken.DELETE_REVOKED_BEFORE)
                .setParameter("cutoff", now.minus(UserToken.REVOKED_LISTING).atOffset(ZoneOffset.UTC)).executeUpdate();
        var cutoff = now.minus(UserToken.EXPIRED_LISTING).atOffset(ZoneOffset.UTC);
        Actor service = Actor.service(UnusedTokenRevocation.BY);
        em.createNamedQuery(UserToken.FIND_EXPIRED_BEFORE, UserToken.class).setParameter("cutoff", cutoff).getResultStream()
                .forEach(token -> trail.record(service, "token.expired-purge", token, "expired " + token.expiresOn().orElseThrow()));
        int purged = em.createNamedQuery(UserToken.DELETE_EXPIRED_BEFORE).setParameter("cutoff", cutoff).executeUpdate();
        if (purged > 0) {
            log.log(Level.INFO, "Purged {0} tokens that expired over a day ago", purged);
        }
        return purged;
    }
}
