package org.rilltokens.it;

import java.net.InetAddress;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * A real OpenID Connect provider for the tests (mock-oauth2-server, in this JVM, on a free loopback port) with its
 * login form: a person types any user name and the claims their ID token carries (email, email_verified, groups).
 * It signs ID tokens with its own keys, publishes them as JWKS, checks the PKCE verifier and offers RP-initiated logout.
 */
final class IdentityProvider implements AutoCloseable {

    static final String ISSUER_ID = "company";
    static final String CLIENT_ID = "rill-tokens";
    static final String PROVIDER_NAME = "Company Login";
    static final String GROUPS_CLAIM = "groups";

    private final MockOAuth2Server server;

    private IdentityProvider(MockOAuth2Server server) {
        this.server = server;
    }

    static IdentityProvider start() {
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(true));
        server.start(InetAddress.getLoopbackAddress(), 0);
        return new IdentityProvider(server);
    }

    /** The issuer as the server sees it, {@code http://localhost:<port>/company}. */
    String issuer() {
        return server.issuerUrl(ISSUER_ID).toString().replace("127.0.0.1", "localhost");
    }

    /** The RILL_OIDC_* settings of a server signing people in through this provider. */
    Map<String, String> serverSettings() {
        return Map.of("RILL_OIDC_ISSUER", issuer(), "RILL_OIDC_CLIENT_ID", CLIENT_ID,
                "RILL_OIDC_CLIENT_SECRET", "test-client-secret", "RILL_OIDC_PROVIDER_NAME", PROVIDER_NAME,
                "RILL_OIDC_GROUPS_CLAIM", GROUPS_CLAIM);
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
