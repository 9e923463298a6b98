package org.rilltokens.tokens.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.rilltokens.platform.DomainException;

class TokenPolicyTest {

    @Test
    void withoutLimitsEveryLifetimeIsAllowed() {
        TokenPolicy open = new TokenPolicy(null, false, 180);
        assertThat(open.allows(null)).isTrue();
        assertThat(open.allows(UserToken.TTL_MINUTES_MAX)).isTrue();
        assertThat(open.fitted(null)).isNull();
    }

    @Test
    void aMaximumRefusesLongerAndEndlessTokensNamingTheLimit() {
        TokenPolicy week = new TokenPolicy(10080L, false, 180);
        assertThat(week.expirationRequired()).as("a maximum implies an expiration").isTrue();
        assertThat(week.allows(10080L)).isTrue();
        assertThatThrownBy(() -> week.check(10081L)).isInstanceOf(DomainException.class)
                .hasMessageContaining("at most 7 days").hasMessageContaining("10080")
                .extracting(e -> ((DomainException) e).field()).isEqualTo("ttlMinutes");
        assertThatThrownBy(() -> week.check(null)).hasMessageContaining("requires every token to expire within 7 days");
        assertThat(week.fitted(null)).as("a CLI login gets the longest allowed").isEqualTo(10080L);
        assertThat(week.fitted(60L)).isEqualTo(60L);
    }

    @Test
    void expirationRequiredAloneRefusesOnlyEndlessTokens() {
        TokenPolicy required = new TokenPolicy(null, true, 0);
        assertThat(required.allows(UserToken.TTL_MINUTES_MAX)).isTrue();
        assertThatThrownBy(() -> required.check(null)).hasMessageContaining("give ttlMinutes");
        assertThat(required.fitted(null)).isEqualTo(UserToken.TTL_MINUTES_MAX);
    }

    @Test
    void outOfRangeSettingsAreRefusedByField() {
        assertThatThrownBy(() -> new TokenPolicy(0L, false, 180)).extracting(e -> ((DomainException) e).field())
                .isEqualTo("maxLifetimeMinutes");
        assertThatThrownBy(() -> new TokenPolicy(null, false, -1)).extracting(e -> ((DomainException) e).field())
                .isEqualTo("unusedDays");
    }
}
