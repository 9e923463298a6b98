package org.rilltokens.access.boundary;

import java.util.List;
import java.util.Map;

/** A member of an organization: role, groups there, and the custom attributes that org's policies see. */
public record MemberInfo(String email, String displayName, String role, List<String> groups, Map<String, String> attributes) {
}
