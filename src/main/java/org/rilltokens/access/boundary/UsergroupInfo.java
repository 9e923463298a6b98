package org.rilltokens.access.boundary;

import java.util.List;
import org.rilltokens.access.entity.Usergroup;
import org.rilltokens.users.entity.User;

/** A user group of an organization and the emails of its members. */
public record UsergroupInfo(String name, List<String> members) {

    static UsergroupInfo of(Usergroup group) {
        return new UsergroupInfo(group.name(), group.members().stream().map(User::email).toList());
    }
}
