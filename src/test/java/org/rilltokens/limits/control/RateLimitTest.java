package org.rilltokens.limits.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private final RateLimit tenPerMinute = new RateLimit("test", 10, Duration.ofMinutes(1));

    @Test
    void settingsOverrideTheDefault() {
        assertThat(tenPerMinute.configured("20/10m")).isEqualTo(new RateLimit("test", 20, Duration.ofMinutes(10)));
        assertThat(tenPerMinute.configured(" 5 / 1h ")).isEqualTo(new RateLimit("test", 5, Duration.ofHours(1)));
        assertThatThrownBy(() -> tenPerMinute.configured("lots")).hasMessageContaining("20/10m");
        assertThatThrownBy(() -> tenPerMinute.configured("0/1m")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRatePerSecondWithABurst() {
        RateLimit fifty = RateLimit.perSecond("api", 50, 100);
        assertThat(fifty.count()).isEqualTo(100);
        assertThat(fifty.period()).isEqualTo(Duration.ofSeconds(2));
        assertThat(fifty.perSecond()).isEqualTo(50.0);
        assertThat(fifty.interval()).isEqualTo(Duration.ofMillis(20));
    }
}
