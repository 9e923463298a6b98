package org.rilltokens.tokens.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import jakarta.inject.Inject;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.tokens.boundary.TokenTrail;
import org.rilltokens.tokens.entity.UserToken;

/**
 * Writes the last use of each token off the request path: a timer writes the uses that {@link TokenUses} noted, in
 * one batch every few seconds. A burst of requests with one token therefore costs one database write, not one per
 * request.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UsageRecorder {

    private final AtomicLong writes = new AtomicLong();

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenUses uses;

    @Inject
    Logger log;

    @Inject
    TokenTrail trail;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    public void flush() {
        uses.drain(this::write);
    }

    private void write(UUID tokenId, TokenUses.Use use) {
        try {
            UserToken token = em.find(UserToken.class, tokenId);
            if (token != null && use.ip() != null && !use.ip().equals(token.usedIp().orElse(null))) {
                // Not from where it was last used: worth a line in the owner's trail (a leaked token shows up here).
                trail.record(new Actor(token.owner().id(), token.owner().email(), Actor.Surface.REST, use.ip(), TokenScope.FULL),
                        "token.new-address", token, "used from " + use.ip() + token.usedIp().map(last -> " (last: " + last + ")")
                                .orElse(" (first use)"));
            }
            em.createNamedQuery(UserToken.RECORD_USE)
                    .setParameter("id", tokenId)
                    .setParameter("usedOn", use.at().atOffset(ZoneOffset.UTC))
                    .setParameter("usedIp", use.ip())
                    .setParameter("usedUserAgent", use.userAgent())
                    .executeUpdate();
            writes.incrementAndGet();
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Could not record the last use of token {0}: {1}", new Object[] {tokenId, e.toString()});
        }
    }

    /** Database writes made so far; benchmarks and tests check that bursts coalesce. */
    public long writes() {
        return writes.get();
    }
}
