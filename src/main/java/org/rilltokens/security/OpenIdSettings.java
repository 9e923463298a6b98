package org.rilltokens.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rilltokens.web.PublicAddress;

/**
 * Sign-in through the company's OpenID Connect provider, as configured: {@code RILL_OIDC_ISSUER},
 * {@code RILL_OIDC_CLIENT_ID} and {@code RILL_OIDC_CLIENT_SECRET} turn it on; the rest is optional (README,
 * "Sign in with your identity provider").
 */
@Named("openId")
@ApplicationScoped
public class OpenIdSettings {

    @Inject
    @ConfigProperty(name = "rill.oidc.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "rill.oidc.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "rill.oidc.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "rill.oidc.scopes", defaultValue = "openid email profile")
    String scopes;

    @Inject
    @ConfigProperty(name = "rill.oidc.email-claim", defaultValue = "email")
    String emailClaim;

    @Inject
    @ConfigProperty(name = "rill.oidc.name-claim", defaultValue = "name")
    String nameClaim;

    @Inject
    @ConfigProperty(name = "rill.oidc.groups-claim")
    Optional<String> groupsClaim;

    @Inject
    @ConfigProperty(name = "rill.oidc.provider-name", defaultValue = "your identity provider")
    String providerName;

    @Inject
    @ConfigProperty(name = "rill.oidc.password-form", defaultValue = "true")
    boolean passwordForm;

    @Inject
    PublicAddress address;

    /** Whether people can sign in through the provider: issuer, client id and secret are all set. */
    public boolean isEnabled() {
        return issuer().isPresent() && clientId.filter(id -> !id.isBlank()).isPresent()
                && clientSecret.filter(secret -> !secret.isBlank()).isPresent();
    }

    /** Whether the sign-in page shows the email and password form (always, unless OIDC is on and it was turned off). */
    public boolean isPasswordForm() {
        return passwordForm || !isEnabled();
    }

    public String getProviderName() {
        return providerName.strip();
    }

    /** The issuer exactly as the provider names itself (no trailing slash added or removed). */
    Optional<String> issuer() {
        return issuer.map(String::strip).filter(url -> !url.isEmpty());
    }

    String clientId() {
        return clientId.orElseThrow().strip();
    }

    String clientSecret() {
        return clientSecret.orElseThrow();
    }

    /** Where the provider sends the browser back: register exactly this address at the provider. */
    String redirectUri(HttpServletRequest request) {
        return base(request) + OpenIdSignIn.CALLBACK;
    }

    /** This server's address ({@link PublicAddress}). */
    String base(HttpServletRequest request) {
        return address.url(request, "");
    }

    String scopes() {
        String text = scopes.strip();
        return (" " + text + " ").contains(" openid ") ? text : "openid " + text;
    }

    String emailClaim() {
        return emailClaim.strip();
    }

    String nameClaim() {
        return nameClaim.strip();
    }

    /** The claim whose values name groups to join, when group mapping is on. */
    Optional<String> groupsClaim() {
        return groupsClaim.map(String::strip).filter(name -> !name.isEmpty());
    }
}
