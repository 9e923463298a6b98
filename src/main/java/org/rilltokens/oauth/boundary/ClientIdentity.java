package org.rilltokens.oauth.boundary;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.rilltokens.oauth.control.RedirectUri;

/**
 * An OAuth client as the consent page presents it: its name, how it identified itself (and so how far its name can
 * be trusted), and where it may be sent back to.
 */
public record ClientIdentity(String clientId, String name, String identifiedBy, List<RedirectUri> redirectUris)
        implements Serializable {

    public ClientIdentity {
        redirectUris = List.copyOf(redirectUris);
    }

    /** The registered redirect URI that the one in an authorization request is, if any. */
    Optional<RedirectUri> redirectUri(String requested) {
        return redirectUris.stream().filter(uri -> uri.admits(requested)).findFirst();
    }
}
