package org.rilltokens.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpenIdSignInTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void thePkceChallengeIsTheUnpaddedBase64urlOfTheVerifiersSha256() {
        // Expected value computed outside Java: base64.urlsafe_b64encode(hashlib.sha256(verifier).digest()).rstrip("=")
        OpenIdSignIn.Pending pending = new OpenIdSignIn.Pending("s", "n", "dBjftJeZ4CVP-mJ92IqYyrEw_mW5ovv7h0Jz0gZdl9w", NOW);
        assertThat(pending.challenge()).isEqualTo("E18jOodWYMtpjkpPbDSfveaMOTYS1IKmwB5DcC0e5pg");
    }

    @Test
    void eachSignInHasItsOwnSecretsAndAnswersOnlyItsOwnStateForTenMinutes() {
        OpenIdSignIn.Pending one = OpenIdSignIn.Pending.start(NOW);
        OpenIdSignIn.Pending two = OpenIdSignIn.Pending.start(NOW);
        assertThat(one.state()).isNotEqualTo(two.state()).hasSize(43);
        assertThat(one.nonce()).isNotEqualTo(two.nonce()).isNotEqualTo(one.state());
        assertThat(one.verifier()).isNotEqualTo(two.verifier()).hasSize(43);
        assertThat(one.answers(one.state(), NOW.plusSeconds(599))).isTrue();
        assertThat(one.answers(two.state(), NOW)).isFalse();
        assertThat(one.answers(null, NOW)).isFalse();
        assertThat(one.answers(one.state(), NOW.plus(OpenIdSignIn.PATIENCE))).isFalse();
        assertThat(one.toString()).doesNotContain(one.state(), one.verifier());
    }
}
