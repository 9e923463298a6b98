package org.rilltokens.limits.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.rilltokens.limits.control.RateLimit;
import org.rilltokens.limits.entity.RateBucket;
import org.rilltokens.platform.ApiErrors;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.RetriedTransaction;

/**
 * Named rate limits, counted in the database so that they hold across every node behind a load balancer. A
 * feature declares its limits as {@link RateLimit} constants; {@code rill.rate.<name>} (e.g.
 * {@code RILL_RATE_DEVICE_LOGIN_PER_ADDRESS=20/10m}) overrides one. Uses are taken under row locks, all or none.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RateLimits {

    /** One use of one limit by one subject. */
    public record Use(RateLimit limit, String subject) {

        String key() {
            String key = limit.name() + " " + subject;
            return key.length() <= RateBucket.KEY_MAX ? key : key.substring(0, RateBucket.KEY_MAX);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    RetriedTransaction transactions;

    @Inject
    Clock clock;

    @Inject
    Config config;

    /**
     * Takes every use, or none when any limit is reached: then a 429 saying how long to wait, with
     * {@code message} before it.
     */
    public void take(String message, Use... uses) {
        Optional<Duration> wait = inTransaction(() -> takeAll(List.of(uses)));
        if (wait.isPresent()) {
            throw DomainException.retryLater(DomainException.Kind.RESOURCE_EXHAUSTED,
                    message + "; try again in " + ApiErrors.seconds(wait.get()) + " seconds", wait.get());
        }
    }

    private Optional<Duration> takeAll(List<Use> uses) {
        Instant now = clock.instant();
        // Locked in key order, so two requests over the same limits never wait for each other in a circle.
        List<Use> ordered = uses.stream().sorted(Comparator.comparing(Use::key)).toList();
        List<RateBucket> buckets = ordered.stream().map(use -> locked(use.key())).toList();
        List<RateLimit.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            RateBucket bucket = buckets.get(i);
            decisions.add(configured(ordered.get(i).limit()).decide(Optional.ofNullable(bucket).map(RateBucket::state), now));
        }
        Optional<Duration> refused = decisions.stream().filter(decision -> !decision.admitted()).map(RateLimit.Decision::retryAfter)
                .max(Comparator.naturalOrder());
        if (refused.isEmpty()) {
            for (int i = 0; i < ordered.size(); i++) {
                store(ordered.get(i).key(), buckets.get(i), decisions.get(i).state());
            }
        }
        return refused;
    }

    private RateLimit configured(RateLimit limit) {
        return config.getOptionalValue("rill.rate." + limit.name(), String.class).map(limit::configured).orElse(limit);
    }

    private RateBucket locked(String key) {
        return em.find(RateBucket.class, key, LockModeType.PESSIMISTIC_WRITE);
    }

    private void store(String key, RateBucket bucket, Instant state) {
        if (bucket == null) {
            em.persist(new RateBucket(key, state));
        } else {
            bucket.moveTo(state);
        }
    }

    @Schedule(hour = "*", minute = "*/15", persistent = false)
    void forgetPassed() {
        inTransaction(() -> em.createNamedQuery(RateBucket.DELETE_PASSED)
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC)).executeUpdate());
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.run("count a rate-limited use", work);
    }
}
