package org.rilltokens.oauth.boundary;

import java.io.Serializable;

/** The query of an authorization request as the browser brought it (RFC 6749 §4.1.1, RFC 7636 §4.3, RFC 8707 §2). */
public record AuthorizationParameters(String responseType, String clientId, String redirectUri, String codeChallenge,
        String codeChallengeMethod, String state, String resource) implements Serializable {
}
