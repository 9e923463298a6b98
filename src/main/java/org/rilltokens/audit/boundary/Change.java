package org.rilltokens.audit.boundary;

import java.util.Objects;
import java.util.UUID;

/**
 * One administrative change as the trail keeps it: in which organization (none for changes of accounts),
 * what kind ({@code member.role}, {@code usergroup.create}, …), on whom or what, and the value before and
 * after. Never a secret: an invitation is recorded without its link, a password change without the password.
 */
public record Change(UUID orgId, String orgName, String kind, String subject, String before, String after) {

    public Change {
        Objects.requireNonNull(kind);
    }

    public static Change inOrg(UUID orgId, String orgName, String kind, String subject, String before, String after) {
        return new Change(Objects.requireNonNull(orgId), Objects.requireNonNull(orgName), kind, subject, before, after);
    }

    /** A change of an account or of superusers, which belongs to no organization. */
    public static Change ofAccount(String kind, String subject, String before, String after) {
        return new Change(null, null, kind, subject, before, after);
    }
}
