package org.rilltokens.cli;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.List;

/**
 * A token as the list shows it; the server's {@code tokenInfo}. {@code projects} is null for a token with all of
 * its owner's access.
 */
record ListedToken(String id, String prefix, String displayName, Instant createdOn, Instant expiresOn, Instant usedOn,
        boolean expired, List<String> projects, boolean readOnly) {

    ListedToken {
        projects = projects == null ? null : List.copyOf(projects);
    }

    static ListedToken of(JsonObject info) {
        List<String> projects = info.get("projects") instanceof JsonArray array
                ? array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList() : null;
        return new ListedToken(info.getString("id"), info.getString("prefix"), info.getString("displayName"),
                instant(info, "createdOn"), instant(info, "expiresOn"), instant(info, "usedOn"),
                "expired".equals(info.getString("status", "active")), projects, info.getBoolean("readOnly", false));
    }

    boolean isRestricted() {
        return projects != null || readOnly;
    }

    /** "acme/sales, acme/ops (read-only)", "all (read-only)", "all". */
    String access() {
        return (projects == null ? "all" : String.join(", ", projects)) + (readOnly ? " (read-only)" : "");
    }

    private static Instant instant(JsonObject info, String field) {
        return info.get(field) instanceof JsonString text ? Instant.parse(text.getString()) : null;
    }
}
