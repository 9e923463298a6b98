package org.rilltokens.tokens.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import jakarta.inject.Inject;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.tokens.boundary.TokenTrail;
import org.rilltokens.tokens.entity.UserToken;

/**
 * Remembers the last use of each token off the request path. A request only notes the use in memory
 * (at most one per token per minute is kept); a timer writes the notes in one batch every few seconds.
 * A burst of requests with one token therefore costs one database write, not one per request.
 */
@Singleton
// Requests call record() concurrently; the maps are thread-safe, a container lock would serialize them.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UsageRecorder {

    static final Duration INTERVAL = Duration.ofMinutes(1);

    record Use(Instant at, String ip, String userAgent) {
    }

    private final Map<UUID, Instant> lastNoted = new ConcurrentHashMap<>();
    private final Map<UUID, Use> pending = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Logger log;

    @Inject
    TokenTrail trail;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void record(UUID tokenId, Instant at, String ip, String userAgent) {
        boolean[] due = {false};
        lastNoted.compute(tokenId, (id, last) -> {
            due[0] = last == null || !at.isBefore(last.plus(INTERVAL));
            return due[0] ? at : last;
        });
        if (due[0]) {
            pending.put(tokenId, new Use(at, truncate(ip, UserToken.IP_MAX), truncate(userAgent, UserToken.USER_AGENT_MAX)));
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    public void flush() {
        for (UUID tokenId : pending.keySet()) {
            Use use = pending.remove(tokenId);
            if (use != null) {
                write(tokenId, use);
            }
        }
        Instant forgetBefore = clock.instant().minus(INTERVAL);
        lastNoted.values().removeIf(at -> at.isBefore(forgetBefore));
    }

    private void write(UUID tokenId, Use use) {
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
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long writes() {
        return writes.get();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
