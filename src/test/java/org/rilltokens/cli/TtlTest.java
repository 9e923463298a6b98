package org.rilltokens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TtlTest {

    @Test
    void daysHoursMinutesOrAPlainNumberOfDays() {
        assertThat(Ttl.parseMinutes("30d")).isEqualTo(30L * 24 * 60);
        assertThat(Ttl.parseMinutes(" 12H ")).isEqualTo(720L);
        assertThat(Ttl.parseMinutes("90m")).isEqualTo(90L);
        assertThat(Ttl.parseMinutes("7")).isEqualTo(7L * 24 * 60);
        assertThat(Ttl.parseMinutes("3650d")).isEqualTo(5_256_000L);
    }

    @Test
    void nothingOrNeverMeansNoExpiration() {
        assertThat(Ttl.parseMinutes("")).isNull();
        assertThat(Ttl.parseMinutes("  ")).isNull();
        assertThat(Ttl.parseMinutes(null)).isNull();
        assertThat(Ttl.parseMinutes("Never")).isNull();
    }

    @Test
    void anythingElseIsExplained() {
        assertThatThrownBy(() -> Ttl.parseMinutes("soon")).hasMessageContaining("like 30d, 12h, 90m");
        assertThatThrownBy(() -> Ttl.parseMinutes("1w")).hasMessageContaining("like 30d");
        assertThatThrownBy(() -> Ttl.parseMinutes("0m")).hasMessageContaining("between 1 minute and 10 years");
        assertThatThrownBy(() -> Ttl.parseMinutes("3651d")).hasMessageContaining("between 1 minute and 10 years");
        assertThatThrownBy(() -> Ttl.parseMinutes("-5")).hasMessageContaining("like 30d");
    }
}
