package org.rilltokens.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The count of committed changes to what a node may keep in memory about callers (a token, its owner, the projects
 * it is restricted to), shared by every node through the database (table {@code cluster_epoch}), so that such a
 * memory is never trusted past a change made on any node.
 * <ul>
 * <li>A transaction that changes those facts calls {@link #changed()} (the entities' {@link CallerFactsListener} does
 * for every update and removal). Once it has committed, the count goes up by one, and the transaction's caller gets
 * control back only when every node heard from in the last {@link #HEARD_FROM} seconds has caught up with the new
 * count, or, at the latest, after that window, by which time a node that has not caught up no longer trusts its
 * memory.</li>
 * <li>Every node reads the count every {@link #POLL} and says in {@code cluster_nodes} which count it has caught up
 * with. Memory is usable only under the count it was made under, and only while the node's last read of the count is
 * less than {@link #LEASE} old: a node that cannot read the count (database unreachable, a long pause) asks the
 * database for everything.</li>
 * </ul>
 * One node alone waits for nobody. A node killed between committing a change and counting it leaves the change
 * uncounted (its request was never answered): memory is therefore also given up at {@link #MEMORY_MAX_AGE}, and a
 * change written to the database by hand reaches nodes' memories within that time.
 */
@ApplicationScoped
public class ClusterEpoch {

    /** The most a cache keeps anything, whatever the count says. */
    public static final Duration MEMORY_MAX_AGE = Duration.ofSeconds(30);
    static final Duration POLL = Duration.ofMillis(100);
    static final Duration LEASE = Duration.ofSeconds(1);
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    static final Duration HEARD_FROM = Duration.ofSeconds(3);
    private static final Duration FORGET_NODE = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(ClusterEpoch.class.getName());
    private static final Object CHANGED = ClusterEpoch.class.getName() + ".changed";

    @Resource(lookup = "java:app/jdbc/rill")
    DataSource database;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ScheduledExecutorService timer;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ExecutorService executor;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final UUID node = UUID.randomUUID();
    /** The count this node has caught up with; -1 before its first read. */
    private volatile long epoch = -1;
    /** {@link System#nanoTime()} of the last successful read of the count. */
    private volatile long readAt;
    private long toldAt;
    private long toldEpoch = -1;
    private long lastWarning;
    private ScheduledFuture<?> polling;

    /** Reads the count from startup on. */
    void started(@Observes Startup startup) {
        // Observing the event creates the bean; the first read is the first poll.
        polling = timer.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
        try (Connection connection = database.getConnection();
                PreparedStatement gone = connection.prepareStatement("DELETE FROM cluster_nodes WHERE node_id = ?")) {
            gone.setObject(1, node);
            gone.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "This node's row stays until others forget it", e);
        }
    }

    /**
     * The count under which memory made now may be kept and memory kept under it may be used, or -1 when this node
     * must not use memory at all (it has not read the count lately).
     */
    public long current() {
        long read = readAt;
        long now = System.nanoTime();
        return read != 0 && now - read < LEASE.toNanos() ? epoch : -1;
    }

    /**
     * Says that the current transaction changes facts that nodes may keep in memory: when it commits, the count goes
     * up and every live node catches up before the transaction's caller goes on.
     */
    public void changed() {
        if (transactions.getResource(CHANGED) == null) {
            transactions.putResource(CHANGED, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        // No database work inside a completed transaction's callback: on a thread of its own.
                        await();
                    }
                }
            });
        }
    }

    private void await() {
        try {
            executor.submit(this::count).get(HEARD_FROM.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Nodes that still read the old count keep their memory of the change's rows until it is MEMORY_MAX_AGE old.
            LOG.log(Level.WARNING, "A change could not be counted; nodes may answer from their memory of it for up to "
                    + MEMORY_MAX_AGE.toSeconds() + " s", e);
        }
    }

    private Void count() throws SQLException, InterruptedException {
        long counted;
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement up = connection.prepareStatement("UPDATE cluster_epoch SET epoch = epoch + 1 WHERE id = 1")) {
                up.executeUpdate();
                counted = read(connection);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                // The pooled connection goes back as it came.
                connection.setAutoCommit(true);
            }
            caughtUp(counted);
            long deadline = System.nanoTime() + HEARD_FROM.toNanos();
            while (behind(connection, counted) > 0) {
                if (System.nanoTime() > deadline) {
                    LOG.log(Level.WARNING, "Nodes heard from lately did not catch up with change {0} in {1} s; they no"
                            + " longer trust their memory", new Object[] {counted, HEARD_FROM.toSeconds()});
                    break;
                }
                Thread.sleep(POLL.toMillis() / 4);
            }
        }
        return null;
    }

    private int behind(Connection connection, long counted) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM cluster_nodes WHERE node_id <> ?"
                + " AND applied_epoch < ? AND seen_on > CURRENT_TIMESTAMP - INTERVAL '" + HEARD_FROM.toSeconds() + "' SECOND")) {
            query.setObject(1, node);
            query.setLong(2, counted);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private void poll() {
        try (Connection connection = database.getConnection()) {
            long seen = read(connection);
            caughtUp(seen);
            readAt = System.nanoTime();
            tell(connection);
        } catch (SQLException | RuntimeException e) {
            long now = System.nanoTime();
            if (now - lastWarning > TimeUnit.MINUTES.toNanos(1) || lastWarning == 0) {
                lastWarning = now;
                LOG.log(Level.WARNING, "Reading the cluster's change count failed; this node asks the database for"
                        + " every caller until it reads it again: {0}", e.getMessage());
            }
        }
    }

    private synchronized void caughtUp(long seen) {
        if (seen > epoch) {
            epoch = seen;
        }
    }

    /** Says which count this node has caught up with: at once when it moved, else every {@link #HEARTBEAT}. */
    private void tell(Connection connection) throws SQLException {
        long now = System.nanoTime();
        long applied = epoch;
        if (applied == toldEpoch && now - toldAt < HEARTBEAT.toNanos()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE cluster_nodes SET applied_epoch = ?, seen_on = CURRENT_TIMESTAMP WHERE node_id = ?")) {
            update.setLong(1, applied);
            update.setObject(2, node);
            if (update.executeUpdate() == 0) {
                first(connection, applied);
            }
        }
        toldEpoch = applied;
        toldAt = now;
    }

    private void first(Connection connection, long applied) throws SQLException {
        try (PreparedStatement forget = connection.prepareStatement("DELETE FROM cluster_nodes WHERE seen_on < CURRENT_TIMESTAMP"
                + " - INTERVAL '" + FORGET_NODE.toHours() + "' HOUR");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO cluster_nodes (node_id, applied_epoch, seen_on) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
            forget.executeUpdate();
            insert.setObject(1, node);
            insert.setLong(2, applied);
            insert.executeUpdate();
        }
    }

    private static long read(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT epoch FROM cluster_epoch WHERE id = 1");
                ResultSet row = query.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("cluster_epoch has no row");
            }
            return row.getLong(1);
        }
    }
}
