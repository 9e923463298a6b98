package org.rilltokens.audit.boundary;

import java.util.List;

/** {@code GET /v1/organizations/{org}/audit}: a page of the trail, newest first. */
public record AuditPage(List<AuditEntry> events, String nextPageToken) {
}
