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

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void onSchedule() {
        purge();
    }

    public int purge() {
        Instant now = clock.instant();
        em.createNamedQuery(UserToken.DELETE_REVOKED_BEFORE)
                .setParameter("cutoff", now.minus(UserToken.REVOKED_LISTING).atOffset(ZoneOffset.UTC)).executeUpdate();
        int purged = em.createNamedQuery(UserToken.DELETE_EXPIRED_BEFORE)
                .setParameter("cutoff", now.minus(UserToken.EXPIRED_LISTING).atOffset(ZoneOffset.UTC))
                .executeUpdate();
        if (purged > 0) {
            log.log(Level.INFO, "Purged {0} tokens that expired over a day ago", purged);
        }
        return purged;
    }
}
