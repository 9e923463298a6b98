package org.rilltokens.access.entity;

import java.util.Locale;

/** A role on one project, most permissive first. */
public enum ProjectRole {
    ADMIN, EDITOR, VIEWER;

    /** As the API and the portal write it: "admin". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
