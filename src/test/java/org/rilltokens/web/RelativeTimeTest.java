package org.rilltokens.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RelativeTimeTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static String in(Duration duration) {
        return RelativeTime.from(NOW.plus(duration), NOW);
    }

    private static String ago(Duration duration) {
        return RelativeTime.from(NOW.minus(duration), NOW);
    }

    @Test
    void aTokenIssuedForSevenDaysReadsInSevenDaysRightAway() {
        assertThat(in(Duration.ofDays(7).minusSeconds(3))).isEqualTo("in 7 days");
        assertThat(in(Duration.ofDays(6).plusHours(1))).isEqualTo("in 6 days");
        assertThat(in(Duration.ofDays(1))).isEqualTo("in 1 day");
    }

    @Test
    void pastInstantsReadAsAgo() {
        assertThat(ago(Duration.ofHours(3))).isEqualTo("3 h ago");
        assertThat(ago(Duration.ofMinutes(5))).isEqualTo("5 min ago");
        assertThat(ago(Duration.ofSeconds(10))).isEqualTo("just now");
        assertThat(ago(Duration.ofDays(2))).isEqualTo("2 days ago");
    }

    @Test
    void longSpansUseMonthsAndYears() {
        assertThat(in(Duration.ofDays(90))).isEqualTo("in 3 months");
        assertThat(in(Duration.ofDays(365))).isEqualTo("in 1 year");
        assertThat(in(Duration.ofDays(3650))).isEqualTo("in 10 years");
    }

    @Test
    void unitsSwitchWhereRoundingWouldLookOdd() {
        assertThat(in(Duration.ofMinutes(44))).isEqualTo("in 44 min");
        assertThat(in(Duration.ofMinutes(50))).isEqualTo("in 1 h");
        assertThat(in(Duration.ofHours(21))).isEqualTo("in 21 h");
        assertThat(in(Duration.ofHours(23))).isEqualTo("in 1 day");
        assertThat(in(Duration.ofSeconds(20))).isEqualTo("in less than a minute");
    }

    @Test
    void exactTimeIsUtcToTheMinute() {
        assertThat(RelativeTime.exact(Instant.parse("2026-12-06T10:30:59Z"))).isEqualTo("2026-12-06 10:30 UTC");
    }
}
