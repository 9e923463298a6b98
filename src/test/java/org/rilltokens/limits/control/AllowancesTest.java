package org.rilltokens.limits.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AllowancesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    /** The database's part: what every node shares, with the number of trips to it. */
    static final class SharedBuckets implements Allowances.Store {
        final BucketTable table = new BucketTable(T0);
        final DatabaseBuckets store = table.node();
        int takes;

        @Override
        public synchronized RateLimit.Grant take(RateLimit limit, String subject, long wanted) {
            takes++;
            return store.take(limit, subject, wanted);
        }
    }

    private final RateLimit fiftyPerSecond = RateLimit.perSecond("api-per-token", 50, 100);

    @Test
    void aBurstIsAdmittedUpToTheLimitAndTheRestWaitsWithFewTripsToTheStore() {
        SharedBuckets buckets = new SharedBuckets();
        Allowances node = new Allowances(fiftyPerSecond, buckets);
        assertThat(node.leaseSize()).isEqualTo(13);
        int admitted = 0;
        Optional<Duration> refusal = Optional.empty();
        for (int i = 0; i < 500; i++) {
            Optional<Duration> use = node.use("token", T0);
            if (use.isEmpty()) {
                admitted++;
            } else {
                refusal = use;
            }
        }
        assertThat(admitted).isEqualTo(100);
        assertThat(refusal).contains(Duration.ofMillis(20 + 12 * 20));
        // 100 uses in leases of 13, then one refusal that is remembered.
        assertThat(buckets.takes).isEqualTo(9);
    }

    @Test
    void twoNodesTogetherNeverAdmitMoreThanTheBurstPlusTheRateOverTheStretchAndOneLease() {
        SharedBuckets buckets = new SharedBuckets();
        Allowances a = new Allowances(fiftyPerSecond, buckets);
        Allowances b = new Allowances(fiftyPerSecond, buckets);
        int admitted = 0;
        // Ten seconds of both nodes asking every millisecond.
        for (int ms = 0; ms < 10_000; ms++) {
            Instant now = T0.plusMillis(ms);
            buckets.table.now = now;
            admitted += a.use("token", now).isEmpty() ? 1 : 0;
            admitted += b.use("token", now).isEmpty() ? 1 : 0;
        }
        assertThat(admitted).isLessThanOrEqualTo(100 + 50 * 10 + 13);
        assertThat(admitted).isGreaterThan(100 + 50 * 8);
        assertThat(buckets.takes).isLessThan(admitted / 4);
    }

    @Test
    void leasedUsesExpireAndIdleSubjectsAreForgotten() {
        SharedBuckets buckets = new SharedBuckets();
        Allowances node = new Allowances(fiftyPerSecond, buckets);
        assertThat(node.use("token", T0)).isEmpty();
        assertThat(node.use("token", T0.plus(Allowances.LEASE))).isEmpty();
        assertThat(buckets.takes).isEqualTo(2);
        assertThat(node.use("other", T0.plusSeconds(60))).isEmpty();
        assertThat(node.subjects()).isEqualTo(1);
    }

    @Test
    void aSubjectCallingFourTimesASecondKeepsItsBurst() {
        SharedBuckets buckets = new SharedBuckets();
        Allowances node = new Allowances(fiftyPerSecond, buckets);
        // A script polling every 250 ms for a minute: far under 50 a second.
        Instant now = T0;
        for (int i = 0; i < 240; i++) {
            now = T0.plusMillis(250L * i);
            buckets.table.now = now;
            assertThat(node.use("token", now)).isEmpty();
        }
        // Then 90 calls at once: within the burst of 100, which polling must not have used up.
        Instant burst = now.plusMillis(250);
        buckets.table.now = burst;
        int admitted = 0;
        for (int i = 0; i < 90; i++) {
            admitted += node.use("token", burst).isEmpty() ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(90);
        // A lease lasts two seconds: about one store trip per eight polls.
        assertThat(buckets.takes).isLessThan(240 / 6 + 10);
    }

    @Test
    void subjectsHaveAllowancesOfTheirOwn() {
        SharedBuckets buckets = new SharedBuckets();
        Allowances node = new Allowances(RateLimit.perSecond("api-per-address", 1, 2), buckets);
        assertThat(node.use("192.0.2.1", T0)).isEmpty();
        assertThat(node.use("192.0.2.1", T0)).isEmpty();
        assertThat(node.use("192.0.2.1", T0)).contains(Duration.ofSeconds(1));
        assertThat(node.leaseSize()).isEqualTo(1);
        assertThat(node.use("192.0.2.2", T0)).isEmpty();
    }

    @Test
    void threadsUsingOneSubjectAtOnceAreAdmittedExactlyAsOftenAsTheStoreGranted() throws Exception {
        SharedBuckets buckets = new SharedBuckets();
        Allowances node = new Allowances(fiftyPerSecond, buckets);
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 2_000; i++) {
                    if (node.use("token", T0).isEmpty()) {
                        admitted.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        // Without the lock on the common path, still never one use more than the burst the store gave out at T0.
        assertThat(admitted.get()).isEqualTo(100);
    }
}
