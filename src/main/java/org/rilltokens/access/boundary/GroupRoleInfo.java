package org.rilltokens.access.boundary;

/** A user group's role on a project. */
public record GroupRoleInfo(String name, String role) {
}
