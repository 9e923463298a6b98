package org.rilltokens.devices.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import org.rilltokens.devices.entity.DeviceAuthorization;

/** What the portal shows the person deciding on a device login. */
public record PendingLogin(UUID id, String userCode, String clientName, String deviceName, String requestedIp,
        Instant requestedOn, Instant expiresOn, String tokenName) implements Serializable {

    static PendingLogin of(DeviceAuthorization login) {
        return new PendingLogin(login.id(), login.userCode().display(), login.client().displayName(),
                login.deviceName().orElse(null), login.requestedIp().orElse(null), login.createdOn(), login.expiresOn(),
                login.tokenName());
    }

    /** "rill CLI on laptop-42": the client, and the name the device gave itself. */
    public String device() {
        return deviceName == null ? clientName : clientName + " on " + deviceName;
    }

    public String origin() {
        return requestedIp == null ? "an unknown address" : requestedIp;
    }
}
