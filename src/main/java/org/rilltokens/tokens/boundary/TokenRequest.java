package org.rilltokens.tokens.boundary;

import java.util.List;

/**
 * What a person asks for when issuing a token: a name, a lifetime (null: never expires), optionally the only
 * projects it may reach ({@code org/project}; null: all of the owner's) and whether it may only read.
 */
public record TokenRequest(String displayName, Long ttlMinutes, List<String> projects, boolean readOnly) {

    public TokenRequest {
        projects = projects == null ? null : List.copyOf(projects);
    }

    /** A token with all of its owner's access. */
    public static TokenRequest unrestricted(String displayName, Long ttlMinutes) {
        return new TokenRequest(displayName, ttlMinutes, null, false);
    }
}
