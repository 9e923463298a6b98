package org.rilltokens.access.boundary;

import java.util.Map;

/** {@code GET /v1/organizations/{org}}: the organization and what the caller may do there. */
public record OrgDetails(OrgInfo organization, Map<String, Boolean> permissions) {
}
