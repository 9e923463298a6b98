package org.rilltokens.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void theFirstAttemptsAreFreeThenEachEarnsTwiceThePause() {
        int free = SignInThrottle.FREE_PER_ACCOUNT;
        assertThat(SignInThrottle.pauseEarned(free - 1, free)).isZero();
        assertThat(SignInThrottle.pauseEarned(free, free)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SignInThrottle.pauseEarned(free + 1, free)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInThrottle.pauseEarned(free + 3, free)).isEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void pausesStopGrowingAtFifteenMinutes() {
        assertThat(SignInThrottle.pauseEarned(50, 5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInThrottle.pauseEarned(Integer.MAX_VALUE, 5)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aPauseRunsFromTheLastAttempt() {
        SignInCounter counter = new SignInCounter("k", NOW);
        for (int i = 0; i < 5; i++) {
            counter.count(NOW, SignInThrottle.FORGET_AFTER);
        }
        Duration earned = SignInThrottle.pauseEarned(counter.attempts(), 5);
        assertThat(counter.pauseLeft(earned, NOW.plusSeconds(10))).isEqualTo(Duration.ofSeconds(20));
        assertThat(counter.pauseLeft(earned, NOW.plusSeconds(31))).isZero();
    }

    @Test
    void anIdleCounterStartsAgainAndASuccessTakesItsAttemptBack() {
        SignInCounter counter = new SignInCounter("k", NOW);
        counter.count(NOW, SignInThrottle.FORGET_AFTER);
        counter.count(NOW, SignInThrottle.FORGET_AFTER);
        counter.count(NOW.plus(Duration.ofHours(2)), SignInThrottle.FORGET_AFTER);
        assertThat(counter.attempts()).isEqualTo(1);
        counter.uncount();
        counter.uncount();
        assertThat(counter.attempts()).isZero();
    }

    @Test
    void keysNeverHoldWhatWasTyped() {
        assertThat(SignInThrottle.accountKey(" Alice@Acme.example ")).isEqualTo(SignInThrottle.accountKey("alice@acme.example"))
                .hasSize(64).doesNotContain("alice");
        assertThat(SignInThrottle.addressKey("127.0.0.1")).isNotEqualTo(SignInThrottle.accountKey("127.0.0.1"));
    }
}
