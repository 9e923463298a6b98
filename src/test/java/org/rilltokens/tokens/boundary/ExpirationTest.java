package org.rilltokens.tokens.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.rilltokens.platform.DomainException;

class ExpirationTest {

    private static final Instant NOW = Instant.parse("2026-11-29T20:04:00Z");

    @Test
    void presetsSendTheirMinutesSoThePageScriptCanShowTheDate() {
        assertThat(Expiration.of("10080")).isEqualTo(Expiration.SEVEN_DAYS);
        assertThat(Expiration.SEVEN_DAYS.ttlMinutes(null)).isEqualTo(10080L);
        assertThat(Expiration.SEVEN_DAYS.preview(NOW)).isEqualTo("Expires on Sun 2026-12-06 20:04 UTC.");
        assertThat(Expiration.of("something else")).isEqualTo(Expiration.THIRTY_DAYS);
    }

    @Test
    void noExpirationMeansNoTtl() {
        assertThat(Expiration.of("never").ttlMinutes("123")).isNull();
        assertThat(Expiration.NEVER.preview(NOW)).isEqualTo("Never expires.");
    }

    @Test
    void customMinutesMustBeAWholeNumber() {
        assertThat(Expiration.of("custom").ttlMinutes(" 120 ")).isEqualTo(120L);
        assertThat(Expiration.CUSTOM.ttlMinutes("0")).isZero();
        for (String typed : new String[] {"two hours", "", "1.5", "-5", null}) {
            assertThatThrownBy(() -> Expiration.CUSTOM.ttlMinutes(typed)).isInstanceOf(DomainException.class)
                    .hasMessage("Enter whole minutes, for example 90 for an hour and a half");
        }
    }
}
