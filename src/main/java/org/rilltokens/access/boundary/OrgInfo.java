package org.rilltokens.access.boundary;

/** An organization in a list: its name, display name, and the caller's role there (null: a superuser outside it). */
public record OrgInfo(String name, String displayName, String role) {
}
