package org.rilltokens.oauth.boundary;

import java.util.Map;
import org.rilltokens.oauth.control.RedirectUri;
import org.rilltokens.platform.OAuthError;

/**
 * An authorization request from a known client with a registered redirect URI, refused for another reason: the
 * client learns it at its redirect URI (RFC 6749 §4.1.2.1), where this error sends the browser.
 */
public class AuthorizationRefused extends OAuthError {

    private final String location;

    AuthorizationRefused(RedirectUri redirectUri, String state, String issuer, String error, String description) {
        super(error, description);
        this.location = AuthorizationRequest.answer(redirectUri, state, issuer, Map.of("error", error, "error_description", description));
    }

    public String location() {
        return location;
    }
}
