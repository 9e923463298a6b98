package org.rilltokens.cli;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;

/** A token as the list shows it; the server's {@code tokenInfo}. */
record ListedToken(String id, String prefix, String displayName, Instant createdOn, Instant expiresOn, Instant usedOn,
        boolean expired) {

    static ListedToken of(JsonObject info) {
        return new ListedToken(info.getString("id"), info.getString("prefix"), info.getString("displayName"),
                instant(info, "createdOn"), instant(info, "expiresOn"), instant(info, "usedOn"),
                "expired".equals(info.getString("status", "active")));
    }

    private static Instant instant(JsonObject info, String field) {
        return info.get(field) instanceof JsonString text ? Instant.parse(text.getString()) : null;
    }
}
