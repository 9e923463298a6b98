package org.rilltokens.oauth.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A successful token answer (RFC 6749 §5.1) to an OAuth client: a user token, how long it works, how to renew it. */
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn", "refreshToken"})
public record TokenAnswer(@JsonbProperty("access_token") String accessToken, @JsonbProperty("token_type") String tokenType,
        @JsonbProperty("expires_in") long expiresIn, @JsonbProperty("refresh_token") String refreshToken) {

    @Override
    public String toString() {
        return "TokenAnswer[…]";
    }
}
