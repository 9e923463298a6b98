package org.rilltokens.access.entity;

/** A role on one project, most permissive first. */
public enum ProjectRole {
    ADMIN, EDITOR, VIEWER
}
