package org.rilltokens.limits.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private final RateLimit tenPerMinute = new RateLimit("test", 10, Duration.ofMinutes(1));

    @Test
    void aBurstOfTheFullCountPassesThenOneMorePerInterval() {
        Optional<Instant> state = Optional.empty();
        for (int use = 1; use <= 10; use++) {
            RateLimit.Decision decision = tenPerMinute.decide(state, T0);
            assertThat(decision.admitted()).as("use %d", use).isTrue();
            state = Optional.of(decision.state());
        }
        RateLimit.Decision eleventh = tenPerMinute.decide(state, T0);
        assertThat(eleventh.admitted()).isFalse();
        assertThat(eleventh.retryAfter()).isEqualTo(Duration.ofSeconds(6));
        assertThat(eleventh.state()).isEqualTo(state.get());

        assertThat(tenPerMinute.decide(state, T0.plusSeconds(5)).admitted()).isFalse();
        RateLimit.Decision later = tenPerMinute.decide(state, T0.plusSeconds(6));
        assertThat(later.admitted()).isTrue();
        assertThat(tenPerMinute.decide(Optional.of(later.state()), T0.plusSeconds(6)).admitted()).isFalse();
    }

    @Test
    void anOldStateIsForgotten() {
        RateLimit.Decision decision = tenPerMinute.decide(Optional.of(T0.minus(Duration.ofDays(1))), T0);
        assertThat(decision.admitted()).isTrue();
        assertThat(decision.state()).isEqualTo(T0.plusSeconds(6));
    }

    @Test
    void settingsOverrideTheDefault() {
        assertThat(tenPerMinute.configured("20/10m")).isEqualTo(new RateLimit("test", 20, Duration.ofMinutes(10)));
        assertThat(tenPerMinute.configured(" 5 / 1h ")).isEqualTo(new RateLimit("test", 5, Duration.ofHours(1)));
        assertThatThrownBy(() -> tenPerMinute.configured("lots")).hasMessageContaining("20/10m");
        assertThatThrownBy(() -> tenPerMinute.configured("0/1m")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGrantTakesAsManyUsesAsAreLeftAndNoneWhenNoneAre() {
        RateLimit.Grant four = tenPerMinute.grant(Optional.empty(), T0, 4);
        assertThat(four.granted()).isEqualTo(4);
        assertThat(four.state()).isEqualTo(T0.plusSeconds(24));
        RateLimit.Grant rest = tenPerMinute.grant(Optional.of(four.state()), T0, 100);
        assertThat(rest.granted()).isEqualTo(6);
        RateLimit.Grant none = tenPerMinute.grant(Optional.of(rest.state()), T0, 3);
        assertThat(none.granted()).isZero();
        assertThat(none.retryAfter()).isEqualTo(Duration.ofSeconds(6));
        assertThat(tenPerMinute.grant(Optional.of(rest.state()), T0.plusSeconds(13), 5).granted()).isEqualTo(2);
    }

    @Test
    void aRatePerSecondWithABurst() {
        RateLimit fifty = RateLimit.perSecond("api", 50, 100);
        assertThat(fifty.count()).isEqualTo(100);
        assertThat(fifty.period()).isEqualTo(Duration.ofSeconds(2));
        assertThat(fifty.perSecond()).isEqualTo(50.0);
        assertThat(fifty.grant(Optional.empty(), T0, 1000).granted()).isEqualTo(100);
    }
}
