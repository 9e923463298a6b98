package org.rilltokens.limits.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One node's share of a rate limit counted in a store that every node uses (the database). Asking the store on
 * every request would cost a locked read and a write per request; instead a node takes a few uses at once from the
 * store (a lease: a quarter of a second's worth at the sustained rate, at most the burst) and hands them out from
 * memory until they are used up or the lease is {@link #LEASE} old. A refusal is remembered until the store will
 * have a whole lease free again (other nodes can only use more in the meantime), and that is the wait it answers.
 *
 * <p>The store counts every use before it is handed out, and a node holds one lease per subject at a time: over any
 * stretch of time a node hands out what the store counted during the stretch plus at most the one lease it held
 * when the stretch began, so all nodes together admit at most the burst plus the sustained rate for the stretch and
 * one lease per node, however long a lease lasts. Uses a node leased and did not hand out are lost (it admits less,
 * never more); the lease lasts {@link #LEASE} rather than a quarter second so that a subject calling now and then is
 * charged little more than it uses (a use every 250 ms would otherwise pay for a whole lease each time, about the
 * full rate, and find its burst gone), and a busy one costs the store a trip every two seconds, not four a second.
 */
public final class Allowances {

    /** How many uses a lease takes: this long's worth at the sustained rate. */
    public static final Duration LEASE_WORTH = Duration.ofMillis(250);
    /** How long leased uses may be handed out. */
    public static final Duration LEASE = Duration.ofSeconds(2);
    private static final Duration SWEEP = Duration.ofSeconds(10);

    /** Takes up to {@code wanted} uses of {@code limit} by {@code subject} from the shared store, as {@link RateLimit#grant} says. */
    @FunctionalInterface
    public interface Store {
        RateLimit.Grant take(RateLimit limit, String subject, long wanted);
    }

    /**
     * A subject's lease. A request with uses left in a lease that has not run out takes one without the lock (the
     * counter only ever hands out what the lease put in it); renewing the lease or refusing takes the lock, so that
     * one store trip serves everyone waiting. {@code left} is set before {@code leasedUntil} is published.
     */
    private static final class Held {
        final AtomicLong left = new AtomicLong();
        volatile Instant leasedUntil = Instant.MIN;
        volatile Instant refusedUntil = Instant.MIN;

        boolean takeLeased(Instant now) {
            return now.isBefore(leasedUntil) && left.getAndDecrement() > 0;
        }

        boolean idleAt(Instant now) {
            return !now.isBefore(leasedUntil) && !now.isBefore(refusedUntil);
        }
    }

    private final RateLimit limit;
    private final long leaseSize;
    private final Store store;
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    private volatile Instant sweptAt = Instant.MIN;

    public Allowances(RateLimit limit, Store store) {
        this.limit = Objects.requireNonNull(limit);
        this.store = Objects.requireNonNull(store);
        this.leaseSize = Math.max(1, Math.min(limit.count(), (long) Math.ceil(limit.perSecond() * LEASE_WORTH.toNanos() / 1e9)));
    }

    public RateLimit limit() {
        return limit;
    }

    /** How many uses one lease takes at most. */
    public long leaseSize() {
        return leaseSize;
    }

    /** Uses the limit once for {@code subject} at {@code now}: empty when admitted, else how long to wait. */
    public Optional<Duration> use(String subject, Instant now) {
        sweep(now);
        Held mine = held.get(subject);
        if (mine == null) {
            mine = held.computeIfAbsent(subject, ignored -> new Held());
        }
        if (mine.takeLeased(now)) {
            return Optional.empty();
        }
        // One lease at a time per subject: the others wait for it (a store round trip) and share it.
        synchronized (mine) {
            if (now.isBefore(mine.refusedUntil)) {
                return Optional.of(Duration.between(now, mine.refusedUntil));
            }
            if (mine.takeLeased(now)) {
                return Optional.empty();
            }
            RateLimit.Grant grant = store.take(limit, subject, leaseSize);
            if (grant.granted() < 1) {
                // Back when a whole lease is free, so that a subject held at its limit costs a store trip per lease.
                Duration wait = grant.retryAfter().plus(limit.interval().multipliedBy(leaseSize - 1));
                mine.left.set(0);
                mine.refusedUntil = now.plus(wait);
                return Optional.of(wait);
            }
            mine.left.set(grant.granted() - 1);
            mine.leasedUntil = now.plus(LEASE);
            return Optional.empty();
        }
    }

    /** Forgets subjects with nothing leased and nothing refused, every few seconds, so memory follows the active ones. */
    private void sweep(Instant now) {
        if (now.isBefore(sweptAt.plus(SWEEP))) {
            return;
        }
        sweptAt = now;
        held.values().removeIf(entry -> {
            synchronized (entry) {
                return entry.idleAt(now);
            }
        });
    }

    /** Subjects held in memory (tests). */
    int subjects() {
        return held.size();
    }
}
