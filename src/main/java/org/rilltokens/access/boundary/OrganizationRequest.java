package org.rilltokens.access.boundary;

/**
 * The body of {@code POST /v1/organizations} and {@code PUT /v1/organizations/{org}}: the name (required to
 * create; left out, a rename keeps it) and what people read. Names are checked by {@code AdminInput}, as in the
 * portal.
 */
public record OrganizationRequest(String name, String displayName) {
}
