package org.rilltokens.oauth.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PkceTest {

    /** RFC 7636 Appendix B. */
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void theRfcExampleVerifiesItsChallenge() {
        assertThat(Pkce.challengeOf(VERIFIER)).isEqualTo(CHALLENGE);
        assertThat(Pkce.verifies(VERIFIER, CHALLENGE)).isTrue();
    }

    @Test
    void anyOtherVerifierOrAMalformedOneFails() {
        assertThat(Pkce.verifies(VERIFIER.replace('d', 'e'), CHALLENGE)).isFalse();
        assertThat(Pkce.verifies("short", Pkce.challengeOf("short"))).as("below 43 characters").isFalse();
        assertThat(Pkce.verifies(VERIFIER + "!", CHALLENGE)).isFalse();
        assertThat(Pkce.verifies(null, CHALLENGE)).isFalse();
        // "plain" would send the verifier itself as the challenge: never accepted.
        assertThat(Pkce.verifies(VERIFIER, VERIFIER)).isFalse();
    }

    @Test
    void aChallengeIsUnpaddedBase64urlOfADigest() {
        assertThat(Pkce.isChallenge(CHALLENGE)).isTrue();
        assertThat(Pkce.isChallenge(CHALLENGE + "=")).isFalse();
        assertThat(Pkce.isChallenge(null)).isFalse();
    }
}
