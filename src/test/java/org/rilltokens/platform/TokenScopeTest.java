package org.rilltokens.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenScopeTest {

    @Test
    void anUnrestrictedScopeIncludesEveryProjectAndARestrictedOneOnlyItsOwn() {
        assertThat(TokenScope.FULL.includes("acme", "sales")).isTrue();
        assertThat(TokenScope.FULL.isFull()).isTrue();

        TokenScope sales = TokenScope.of(false, Set.of("acme/sales"));
        assertThat(sales.includes("acme", "sales")).isTrue();
        assertThat(sales.includes("acme", "ops")).isFalse();
        assertThat(sales.includes("other", "sales")).as("same project name in another org").isFalse();
        assertThat(sales.isFull()).isFalse();
    }

    @Test
    void aRestrictionWhoseProjectsAreAllGoneReachesNothingNotEverything() {
        TokenScope none = TokenScope.of(false, Set.of());
        assertThat(none.isRestricted()).isTrue();
        assertThat(none.includes("acme", "sales")).isFalse();
    }

    @Test
    void readOnlyAloneKeepsEveryProjectButIsNotFull() {
        TokenScope readOnly = TokenScope.of(true, null);
        assertThat(readOnly.includes("acme", "ops")).isTrue();
        assertThat(readOnly.isRestricted()).isFalse();
        assertThat(readOnly.isFull()).isFalse();
    }
}
