package org.rilltokens.access.entity;

import java.util.Locale;

/** A member's role in an organization, most permissive first. */
public enum OrgRole {
    ADMIN, EDITOR, VIEWER, GUEST;

    /** At least as permissive as {@code other}. */
    public boolean includes(OrgRole other) {
        return compareTo(other) <= 0;
    }

    /** As the API and the portal write it: "admin". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
