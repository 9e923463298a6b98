package org.rilltokens.limits.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Bucket4j's buckets in the table the migrations make (H2 in memory), as the nodes of one service share them. */
class DatabaseBucketsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final RateLimit tenPerMinute = new RateLimit("test", 10, Duration.ofMinutes(1));
    private final BucketTable table = new BucketTable(T0);
    private final DatabaseBuckets node = table.node();

    private boolean use(DatabaseBuckets on, String subject) {
        return on.take(tenPerMinute, subject, 1).granted() == 1;
    }

    @Test
    void aBurstOfTheFullCountPassesThenOneMorePerInterval() {
        for (int use = 1; use <= 10; use++) {
            assertThat(use(node, "192.0.2.1")).as("use %d", use).isTrue();
        }
        RateLimit.Grant eleventh = node.take(tenPerMinute, "192.0.2.1", 1);
        assertThat(eleventh.granted()).isZero();
        assertThat(eleventh.retryAfter()).isEqualTo(Duration.ofSeconds(6));

        table.now = T0.plusSeconds(5);
        assertThat(use(node, "192.0.2.1")).isFalse();
        table.now = T0.plusSeconds(6);
        assertThat(use(node, "192.0.2.1")).isTrue();
        assertThat(use(node, "192.0.2.1")).isFalse();
        assertThat(use(node, "192.0.2.2")).as("another subject").isTrue();
    }

    @Test
    void aGrantTakesAsManyUsesAsAreLeftAndNoneWhenNoneAre() {
        assertThat(node.take(tenPerMinute, "token", 4).granted()).isEqualTo(4);
        assertThat(node.take(tenPerMinute, "token", 100).granted()).isEqualTo(6);
        RateLimit.Grant none = node.take(tenPerMinute, "token", 3);
        assertThat(none.granted()).isZero();
        assertThat(none.retryAfter()).isEqualTo(Duration.ofSeconds(6));
        table.now = T0.plusSeconds(13);
        assertThat(node.take(tenPerMinute, "token", 5).granted()).isEqualTo(2);
    }

    @Test
    void twoNodesCountInTheSameBucket() {
        DatabaseBuckets other = table.node();
        for (int use = 0; use < 5; use++) {
            assertThat(use(node, "token")).isTrue();
            assertThat(use(other, "token")).isTrue();
        }
        assertThat(use(node, "token")).isFalse();
        assertThat(use(other, "token")).isFalse();
        assertThat(table.rows()).isEqualTo(1);
    }

    @Test
    void askingHowLongToWaitTakesNothing() {
        assertThat(node.waitFor(tenPerMinute, "token")).isZero();
        assertThat(node.take(tenPerMinute, "token", 10).granted()).isEqualTo(10);
        assertThat(node.waitFor(tenPerMinute, "token")).isEqualTo(Duration.ofSeconds(6));
        table.now = T0.plusSeconds(6);
        assertThat(node.waitFor(tenPerMinute, "token")).isZero();
        assertThat(node.waitFor(tenPerMinute, "token")).isZero();
        assertThat(use(node, "token")).isTrue();
        assertThat(use(node, "token")).isFalse();
    }

    @Test
    void aLimitSetDifferentlyCountsInABucketOfItsOwn() {
        assertThat(node.take(tenPerMinute, "192.0.2.1", 10).granted()).isEqualTo(10);
        RateLimit raised = tenPerMinute.configured("1000/1m");
        assertThat(node.take(raised, "192.0.2.1", 1).granted()).isEqualTo(1);
        assertThat(use(node, "192.0.2.1")).isFalse();
        assertThat(table.rows()).isEqualTo(2);
    }

    @Test
    void aBucketThatIsFullAgainIsForgotten() {
        node.take(tenPerMinute, "a", 10);
        node.take(tenPerMinute, "b", 1);
        table.now = T0.plusSeconds(7);
        assertThat(node.forgetFull(table.now)).as("b is full again after 6 s, a after 60 s").isEqualTo(1);
        assertThat(table.rows()).isEqualTo(1);
        table.now = T0.plusSeconds(61);
        assertThat(node.forgetFull(table.now)).isEqualTo(1);
        assertThat(use(node, "a")).as("a forgotten bucket starts full").isTrue();
    }
}
