package org.rilltokens.devices.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The programs that may log in with a device code: public OAuth clients without a secret, known by
 * their {@code client_id}. The portal names the client to the person approving it.
 */
public enum DeviceClient {

    RILL_CLI("rill-cli", "rill CLI", "CLI login");

    private final String clientId;
    private final String displayName;
    private final String tokenName;

    DeviceClient(String clientId, String displayName, String tokenName) {
        this.clientId = clientId;
        this.displayName = displayName;
        this.tokenName = tokenName;
    }

    public static Optional<DeviceClient> byClientId(String clientId) {
        return Arrays.stream(values()).filter(client -> client.clientId.equals(clientId)).findFirst();
    }

    public String clientId() {
        return clientId;
    }

    public String displayName() {
        return displayName;
    }

    /** The display name of the token a login gives, e.g. "CLI login (laptop-42)". */
    public String tokenName(String deviceName) {
        return deviceName == null ? tokenName : tokenName + " (" + deviceName + ")";
    }
}
