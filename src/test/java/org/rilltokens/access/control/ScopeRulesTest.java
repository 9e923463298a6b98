package org.rilltokens.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rilltokens.platform.TokenScope;

class ScopeRulesTest {

    private static final Duration MONTH = Duration.ofDays(30);

    @Test
    void anOrgMaximumRefusesOnlyTokensIssuedToLiveLonger() {
        TokenScope week = TokenScope.FULL.living(Optional.of(Duration.ofDays(7)));
        TokenScope forever = TokenScope.FULL.living(Optional.empty());
        assertThat(ScopeRules.lifetimeRefusal(week, Optional.of(MONTH), "acme")).isEmpty();
        assertThat(ScopeRules.lifetimeRefusal(forever, Optional.empty(), "acme")).as("no policy").isEmpty();
        assertThat(ScopeRules.lifetimeRefusal(TokenScope.FULL, Optional.of(MONTH), "acme")).as("a portal session").isEmpty();
        assertThat(ScopeRules.lifetimeRefusal(forever, Optional.of(MONTH), "acme")).hasValueSatisfying(refusal -> assertThat(
                refusal.getMessage()).contains("acme", "30 days", "never expires"));
        assertThat(ScopeRules.lifetimeRefusal(TokenScope.FULL.living(Optional.of(Duration.ofDays(90))), Optional.of(MONTH), "acme"))
                .hasValueSatisfying(refusal -> assertThat(refusal.getMessage()).contains("issued for 90 days"));
    }

    @Test
    void aTokenIsBlockedOnlyByOrgsItCouldReach() {
        Map<String, Duration> maxima = Map.of("acme", MONTH, "beta", MONTH, "long", Duration.ofDays(400));
        TokenScope yearLong = TokenScope.FULL.living(Optional.of(Duration.ofDays(365)));
        assertThat(ScopeRules.blockingOrgs(yearLong, maxima)).containsExactly("acme", "beta");
        TokenScope restricted = TokenScope.of(false, Set.of("beta/p1")).living(Optional.of(Duration.ofDays(365)));
        assertThat(ScopeRules.blockingOrgs(restricted, maxima)).containsExactly("beta");
    }
}
