package org.rilltokens.access.boundary;

import org.rilltokens.users.entity.User;

/** An account as superusers see it. */
public record AccountInfo(String email, String displayName, boolean superuser, boolean active) {

    static AccountInfo of(User user) {
        return new AccountInfo(user.email(), user.displayName(), user.isSuperuser(), user.isActive());
    }
}
