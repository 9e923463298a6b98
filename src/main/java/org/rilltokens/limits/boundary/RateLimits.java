package org.rilltokens.limits.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.rilltokens.limits.control.DatabaseBuckets;
import org.rilltokens.limits.control.RateLimit;
import org.rilltokens.platform.ApiErrors;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.RetriedTransaction;

/**
 * Named rate limits, counted in the database ({@link DatabaseBuckets}) so that they hold across every node behind a
 * load balancer. A feature declares its limits as {@link RateLimit} constants; {@code rill.rate.<name>} (e.g.
 * {@code RILL_RATE_DEVICE_LOGIN_PER_ADDRESS=20/10m}) overrides one. Uses are taken in a transaction of their own that
 * keeps every bucket it touched locked until it ends: all or none.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RateLimits {

    /** One use of one limit by one subject. */
    public record Use(RateLimit limit, String subject) {
    }

    @Resource(lookup = "java:app/jdbc/rill")
    DataSource database;

    @Inject
    RetriedTransaction transactions;

    @Inject
    Clock clock;

    @Inject
    Config config;

    private DatabaseBuckets buckets;

    @PostConstruct
    void connect() {
        buckets = new DatabaseBuckets(database::getConnection, false, clock);
    }

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
        // Locked in name order, so two requests over the same limits never wait for each other in a circle; each stays
        // locked until this transaction ends, so what the first pass found free is still free for the second.
        List<Use> ordered = uses.stream().map(use -> new Use(configured(use.limit()), use.subject()))
                .sorted(Comparator.comparing((Use use) -> use.limit().name()).thenComparing(Use::subject)).toList();
        Optional<Duration> refused = ordered.stream().map(use -> buckets.waitFor(use.limit(), use.subject()))
                .filter(wait -> !wait.isZero()).max(Comparator.naturalOrder());
        if (refused.isEmpty()) {
            for (Use use : ordered) {
                RateLimit.Grant grant = buckets.take(use.limit(), use.subject(), 1);
                if (grant.granted() < 1) {
                    // The same limit and subject given twice: the second found the bucket emptied by the first.
                    throw new IllegalStateException("Rate limit " + use.limit().name() + " was asked for one subject twice");
                }
            }
        }
        return refused;
    }

    private RateLimit configured(RateLimit limit) {
        return config.getOptionalValue("rill.rate." + limit.name(), String.class).map(limit::configured).orElse(limit);
    }

    @Schedule(hour = "*", minute = "*/15", persistent = false)
    void forgetPassed() {
        inTransaction(() -> buckets.forgetFull(clock.instant()));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.run("count a rate-limited use", work);
    }
}
