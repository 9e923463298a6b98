package org.rilltokens.access.boundary;

import java.util.List;

/** {@code GET /v1/organizations/{org}/members}: a page of members by email. */
public record MemberPage(List<MemberInfo> members, String nextPageToken) {
}
