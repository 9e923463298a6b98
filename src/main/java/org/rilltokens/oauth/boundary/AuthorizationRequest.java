package org.rilltokens.oauth.boundary;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.rilltokens.mcp.control.McpPath;
import org.rilltokens.oauth.control.RedirectUri;

/**
 * An authorization request that passed every check (RFC 6749 §4.1.1 with PKCE and a resource): the consent page
 * shows it, and an approval turns it into a code. Its redirect URI is the one the client sent (a loopback client's
 * port changes), already matched against those it registered.
 */
public record AuthorizationRequest(ClientIdentity client, RedirectUri redirectUri, String state, String codeChallenge,
        String resource, McpPath target, String issuer) implements Serializable {

    public AuthorizationRequest {
        Objects.requireNonNull(client);
        Objects.requireNonNull(redirectUri);
        Objects.requireNonNull(codeChallenge);
        Objects.requireNonNull(resource);
        Objects.requireNonNull(target);
        Objects.requireNonNull(issuer);
    }

    /** Where the browser goes with the answer: the parameters, the client's state and this server's name (RFC 9207). */
    String answer(Map<String, String> parameters) {
        return answer(redirectUri, state, issuer, parameters);
    }

    static String answer(RedirectUri redirectUri, String state, String issuer, Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("state", state);
        all.put("iss", issuer);
        return redirectUri.with(all);
    }

    /** What the consent page calls the target: a project, or an organization's projects. */
    public String targetName() {
        return target.project() == null ? "the projects of " + target.org() : target.org() + "/" + target.project();
    }
}
