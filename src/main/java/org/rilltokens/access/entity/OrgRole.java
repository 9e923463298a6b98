package org.rilltokens.access.entity;

/** A member's role in an organization, most permissive first. */
public enum OrgRole {
    ADMIN, EDITOR, VIEWER, GUEST
}
