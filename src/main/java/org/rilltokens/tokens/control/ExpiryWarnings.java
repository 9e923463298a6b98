package org.rilltokens.tokens.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rilltokens.tokens.boundary.TokenEvent;
import org.rilltokens.tokens.entity.UserToken;

/**
 * Housekeeping: the owner of a token that now expires within {@link UserToken#EXPIRING_SOON} hears of it once
 * (a {@link TokenEvent} of kind {@code EXPIRING}, sent as an email after commit). Each token is marked by a
 * conditional update, so of several nodes running this at once only one warns.
 */
@Singleton
public class ExpiryWarnings {

    /** Per run; the rest waits ten minutes. */
    static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<TokenEvent> events;

    @Inject
    Logger log;

    @Schedule(hour = "*", minute = "5/10", persistent = false)
    void onSchedule() {
        warn();
    }

    public int warn() {
        Instant now = clock.instant();
        List<UserToken> expiring = em.createNamedQuery(UserToken.FIND_EXPIRING_UNWARNED, UserToken.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("horizon", now.plus(UserToken.EXPIRING_SOON).atOffset(ZoneOffset.UTC))
                .setMaxResults(BATCH).getResultList();
        int warned = 0;
        for (UserToken token : expiring) {
            if (em.createNamedQuery(UserToken.MARK_EXPIRY_WARNED).setParameter("now", now.atOffset(ZoneOffset.UTC))
                    .setParameter("id", token.id()).executeUpdate() == 1) {
                events.fire(TokenEvent.expiring(token));
                warned++;
            }
        }
        if (warned > 0) {
            log.log(Level.INFO, "{0} tokens expire within 7 days; their owners are told", warned);
        }
        return warned;
    }
}
