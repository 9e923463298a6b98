package org.rilltokens.access.boundary;

/** A person with a direct role on a project. */
public record ProjectMemberInfo(String email, String displayName, String role) {
}
