package org.rilltokens.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.rilltokens.users.boundary.Users;

/** Portal sign-in against the users table. The caller name is the user's id, which survives an email change. */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    public static final String ROLE = "user";

    @Inject
    Users users;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return users.signIn(credential.getCaller(), credential.getPasswordAsString())
                .map(user -> new CredentialValidationResult(user.id().toString(), Set.of(ROLE)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
