package org.rilltokens.oauth.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.rilltokens.oauth.control.Pkce;
import org.rilltokens.platform.OAuthError;
import org.rilltokens.users.entity.User;

class AuthorizationCodeTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static final String RESOURCE = "https://tokens.example.com/v1/organizations/acme/projects/sales/runtime/mcp";
    private static final String REDIRECT = "http://127.0.0.1:5000/cb";

    private final AuthorizationCode code = new AuthorizationCode("h".repeat(64), new User("bob@acme.example", "Bob", NOW),
            "client-1", "Claude", REDIRECT, Pkce.challengeOf(VERIFIER), RESOURCE, true, 43_200, NOW);

    @Test
    void theClientThatAskedRedeemsItOnceWithItsVerifier() {
        assertThat(code.exchange("client-1", REDIRECT, VERIFIER, RESOURCE, NOW.plusSeconds(60))).isEmpty();
        UUID token = UUID.randomUUID();
        code.exchangedFor(token);
        assertThat(code.exchange("client-1", REDIRECT, VERIFIER, RESOURCE, NOW.plusSeconds(61))).contains(token);
        assertThat(code.exchange("client-1", REDIRECT, VERIFIER, null, NOW.plusSeconds(62))).contains(token);
    }

    @Test
    void anyMismatchIsRefusedWithTheRfcsErrorCode() {
        assertError(() -> code.exchange("client-2", REDIRECT, VERIFIER, RESOURCE, NOW), "invalid_grant");
        assertError(() -> code.exchange("client-1", "http://127.0.0.1:5001/cb", VERIFIER, RESOURCE, NOW), "invalid_grant");
        assertError(() -> code.exchange("client-1", REDIRECT, VERIFIER.replace('d', 'x'), RESOURCE, NOW), "invalid_grant");
        assertError(() -> code.exchange("client-1", REDIRECT, VERIFIER, RESOURCE.replace("sales", "ops"), NOW), "invalid_target");
        assertError(() -> code.exchange("client-1", REDIRECT, VERIFIER, RESOURCE, NOW.plus(AuthorizationCode.LIFETIME)),
                "invalid_grant");
    }

    private static void assertError(Runnable exchange, String error) {
        assertThatThrownBy(exchange::run).isInstanceOf(OAuthError.class).extracting(e -> ((OAuthError) e).error()).isEqualTo(error);
    }
}
