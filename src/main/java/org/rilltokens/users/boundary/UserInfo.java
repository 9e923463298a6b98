package org.rilltokens.users.boundary;

import java.util.UUID;
import org.rilltokens.users.entity.User;

public record UserInfo(UUID id, String email, String displayName, boolean superuser) {

    static UserInfo of(User user) {
        return new UserInfo(user.id(), user.email(), user.displayName(), user.isSuperuser());
    }
}
