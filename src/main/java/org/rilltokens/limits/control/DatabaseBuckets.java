package org.rilltokens.limits.control;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Rate limits as Bucket4j token buckets kept in the database every node uses (table {@code rate_limit_buckets}): each
 * use reads the subject's bucket under a row lock ({@code SELECT … FOR UPDATE}), lets Bucket4j take from it, and
 * writes it back, so that all nodes together keep to one limit. A {@link RateLimit} of {@code count} per
 * {@code period} is a bucket of {@code count} tokens refilled greedily (a token every {@code period / count}).
 *
 * <p>{@code ownTransactions}: each use commits on its own connection (callers outside any transaction), or runs in
 * the caller's container transaction, whose end releases the row locks: then several buckets stay locked together
 * until it commits, which is what lets {@code RateLimits} take uses of several limits all or none.
 */
public final class DatabaseBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

    public static final int KEY_MAX = 255;

    /** Where a bucket's connection comes from (a data source). */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private final Connections connections;
    private final boolean ownTransactions;
    private final Clock clock;
    private volatile Boolean postgresql;

    public DatabaseBuckets(Connections connections, boolean ownTransactions, Clock clock) {
        super(ClientSideConfig.getDefault().withClientClock(wallClock(clock)));
        this.connections = connections;
        this.ownTransactions = ownTransactions;
        this.clock = clock;
    }

    /** Up to {@code wanted} uses at once: as many as the bucket holds, or none and how long until one is back. */
    public RateLimit.Grant take(RateLimit limit, String subject, long wanted) {
        BucketProxy bucket = bucket(limit, subject);
        long granted = bucket.tryConsumeAsMuchAsPossible(wanted);
        if (granted > 0) {
            return new RateLimit.Grant(granted, Duration.ZERO);
        }
        // One locked read decides both: a use that came back meanwhile is taken, else the wait is for the next one.
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? new RateLimit.Grant(1, Duration.ZERO)
                : new RateLimit.Grant(0, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How long until the subject may use the limit once (zero: now), without using it. */
    public Duration waitFor(RateLimit limit, String subject) {
        var probe = bucket(limit, subject).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** Forgets the buckets that are full again by {@code now} (the same as no bucket); how many. */
    public int forgetFull(Instant now) {
        return delete("full_at < ?", now.atOffset(ZoneOffset.UTC), "forget the full rate limit buckets");
    }

    /**
     * The bucket of the limit as configured now and the subject: a limit set differently (another node's settings, a
     * changed setting) counts in buckets of its own, so that no node counts against a configuration it was not given.
     */
    private BucketProxy bucket(RateLimit limit, String subject) {
        String key = limit.name() + " " + limit.count() + "/" + limit.period().toMillis() + "ms " + subject;
        return builder().build(key.length() <= KEY_MAX ? key : key.substring(0, KEY_MAX), () -> configuration(limit));
    }

    static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth -> bandwidth.capacity(limit.count())
                .refillGreedy(limit.count(), limit.period())).build();
    }

    private static TimeMeter wallClock(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return epochNanos(clock.instant());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Bucket4j's time: nanoseconds since the epoch (a long holds them until the year 2262). */
    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        return new RowTransaction(key);
    }

    @Override
    public void removeProxy(String key) {
        delete("bucket_key = ?", key, "remove rate limit bucket '" + key + "'");
    }

    private int delete(String where, Object value, String what) {
        try (Connection connection = connections.open();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM rate_limit_buckets WHERE " + where)) {
            delete.setObject(1, value);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not " + what, e);
        }
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return false;
    }

    private boolean postgresql(Connection connection) throws SQLException {
        Boolean known = postgresql;
        if (known == null) {
            known = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            postgresql = known;
        }
        return known;
    }

    /** One use of one bucket: its row locked, read, written back. */
    private final class RowTransaction implements SelectForUpdateBasedTransaction {

        private final String key;
        private Connection connection;

        RowTransaction(String key) {
            this.key = key;
        }

        @Override
        public void begin(Optional<Long> timeoutNanos) {
            try {
                connection = connections.open();
                if (ownTransactions) {
                    connection.setAutoCommit(false);
                }
            } catch (SQLException e) {
                throw failed("open a connection for", e);
            }
        }

        @Override
        public LockAndGetResult tryLockAndGet(Optional<Long> timeoutNanos) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT state FROM rate_limit_buckets WHERE bucket_key = ? FOR UPDATE")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? LockAndGetResult.locked(row.getBytes(1)) : LockAndGetResult.notLocked();
                }
            } catch (SQLException e) {
                throw failed("lock", e);
            }
        }

        /** A row without a state, to lock; false when another node inserted it first (then Bucket4j locks that one). */
        @Override
        public boolean tryInsertEmptyData(Optional<Long> timeoutNanos) {
            try {
                boolean onConflict = postgresql(connection);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rate_limit_buckets (bucket_key, state, full_at) "
                        + "VALUES (?, NULL, ?)" + (onConflict ? " ON CONFLICT (bucket_key) DO NOTHING" : ""))) {
                    insert.setString(1, key);
                    insert.setObject(2, clock.instant().atOffset(ZoneOffset.UTC));
                    return insert.executeUpdate() == 1;
                }
            } catch (SQLException e) {
                // H2 fails only the statement on a duplicate key, not the transaction.
                if ("23505".equals(e.getSQLState())) {
                    return false;
                }
                throw failed("create", e);
            }
        }

        @Override
        public void update(byte[] data, RemoteBucketState state, Optional<Long> timeoutNanos) {
            Instant now = clock.instant();
            Instant full = now.plusNanos(state.calculateFullRefillingTime(epochNanos(now)));
            try (PreparedStatement write = connection.prepareStatement(
                    "UPDATE rate_limit_buckets SET state = ?, full_at = ? WHERE bucket_key = ?")) {
                write.setBytes(1, data);
                write.setObject(2, full.atOffset(ZoneOffset.UTC));
                write.setString(3, key);
                write.executeUpdate();
            } catch (SQLException e) {
                throw failed("write", e);
            }
        }

        @Override
        public void commit(Optional<Long> timeoutNanos) {
            if (ownTransactions) {
                try {
                    connection.commit();
                } catch (SQLException e) {
                    throw failed("commit", e);
                }
            }
        }

        @Override
        public void rollback() {
            if (ownTransactions && connection != null) {
                try {
                    connection.rollback();
                } catch (SQLException e) {
                    throw failed("roll back", e);
                }
            }
        }

        @Override
        public void release() {
            if (connection == null) {
                return;
            }
            try (Connection done = connection) {
                if (ownTransactions) {
                    done.setAutoCommit(true);
                }
            } catch (SQLException e) {
                throw failed("release", e);
            }
        }

        private IllegalStateException failed(String what, SQLException e) {
            return new IllegalStateException("Could not " + what + " rate limit bucket '" + key + "'", e);
        }
    }
}
