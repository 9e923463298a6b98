package org.rilltokens.devices.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The answer to a device authorization request (RFC 8628 §3.2), with its field names. */
@JsonbPropertyOrder({"deviceCode", "userCode", "verificationUri", "verificationUriComplete", "expiresIn", "interval"})
public record DeviceCodeGrant(
        @JsonbProperty("device_code") String deviceCode,
        @JsonbProperty("user_code") String userCode,
        @JsonbProperty("verification_uri") String verificationUri,
        @JsonbProperty("verification_uri_complete") String verificationUriComplete,
        @JsonbProperty("expires_in") long expiresIn,
        @JsonbProperty("interval") long interval) {

    @Override
    public String toString() {
        return "DeviceCodeGrant[" + userCode + "]";
    }
}
