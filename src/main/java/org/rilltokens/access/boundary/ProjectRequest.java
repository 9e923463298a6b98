package org.rilltokens.access.boundary;

/**
 * The body of {@code POST .../projects} and {@code PUT .../projects/{project}}: the name (required to create;
 * left out, an update keeps it) and a description. Checked by {@code AdminInput}, as in the portal.
 */
public record ProjectRequest(String name, String description) {
}
