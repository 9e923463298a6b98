package org.rilltokens.devices.boundary;

import java.time.Duration;
import org.rilltokens.platform.OAuthError;

/**
 * An OAuth error of the device login endpoints (RFC 8628 §3.5). Some of them, like {@code authorization_pending},
 * are the normal answer while a person has not decided yet.
 */
public class DeviceGrantException extends OAuthError {

    DeviceGrantException(String error, String description) {
        super(error, description);
    }

    static DeviceGrantException pending() {
        return new DeviceGrantException("authorization_pending", "The login is waiting for approval in the portal");
    }

    static DeviceGrantException slowDown(Duration interval) {
        return new DeviceGrantException("slow_down", "Polled too fast: wait " + interval.toSeconds() + " seconds between polls");
    }

    static DeviceGrantException denied() {
        return new DeviceGrantException("access_denied", "The login was denied in the portal");
    }

    static DeviceGrantException expired() {
        return new DeviceGrantException("expired_token", "The code expired before the login was approved");
    }

    static DeviceGrantException invalidGrant() {
        return new DeviceGrantException("invalid_grant", "The device code is unknown or was already used");
    }

    static DeviceGrantException invalidClient(String clientId) {
        return new DeviceGrantException("invalid_client", "Unknown client_id '" + clientId + "'");
    }

    static DeviceGrantException invalidRequest(String description) {
        return new DeviceGrantException("invalid_request", description);
    }

    static DeviceGrantException invalidScope() {
        return new DeviceGrantException("invalid_scope", "Scopes are not supported: a login token acts with all of its owner's roles");
    }

    static DeviceGrantException unsupportedGrantType(String grantType) {
        return new DeviceGrantException("unsupported_grant_type", "Only grant_type=" + Devices.DEVICE_CODE_GRANT
                + " is supported, not '" + grantType + "'");
    }
}
