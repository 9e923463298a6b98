package org.rilltokens.devices.boundary;

import jakarta.json.bind.annotation.JsonbProperty;

/** A successful token answer (RFC 6749 §5.1): a user token that does not expire until it is revoked. */
public record AccessToken(@JsonbProperty("access_token") String accessToken, @JsonbProperty("token_type") String tokenType) {

    @Override
    public String toString() {
        return "AccessToken[…]";
    }
}
