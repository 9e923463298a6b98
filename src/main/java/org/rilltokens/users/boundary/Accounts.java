package org.rilltokens.users.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.audit.boundary.Change;
import org.rilltokens.platform.DomainException;
import org.rilltokens.users.control.Passwords;
import org.rilltokens.users.entity.User;

/**
 * A person's own account: their display name and password. The password rules live here, for new
 * accounts (from an invitation) and changed passwords alike. Changes are audited, never with a password.
 */
@ApplicationScoped
@Transactional
public class Accounts {

    public static final int PASSWORD_MAX = 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    AuditTrail audit;

    static final String DISPLAY_NAME_RANGE = "The display name must be 1 to " + User.NAME_MAX + " characters";

    @Inject
    Clock clock;

    public User rename(Actor actor, String displayName) {
        User user = active(actor);
        String name = validDisplayName("displayName", displayName);
        if (!name.equals(user.displayName())) {
            audit.record(actor, Change.ofAccount("account.display_name", user.email(), user.displayName(), name));
            user.rename(name);
        }
        return user;
    }

    public void changePassword(Actor actor, String currentPassword, String newPassword) {
        User user = active(actor);
        if (!passwords.verify(currentPassword, Optional.ofNullable(user.passwordHash()))) {
            throw DomainException.invalid("currentPassword", "The current password is not right");
        }
        user.changePasswordHash(passwords.hash(validPassword("newPassword", newPassword)));
        audit.record(actor, Change.ofAccount("account.password", user.email(), null, "changed"));
    }

    /** A new account with this email, name and password; the caller has checked that the email is free. */
    public User create(String email, String displayName, String password) {
        User user = new User(email, validDisplayName("displayName", displayName), clock.instant());
        user.changePasswordHash(passwords.hash(validPassword("password", password)));
        em.persist(user);
        return user;
    }

    /**
     * A new account without a password, for a person the identity provider vouches for; the caller has checked that
     * the email is free and verified. A name the provider gives that does not fit becomes the email's local part.
     */
    public User createVerified(String email, String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        User user = new User(email, name.isEmpty() || name.length() > User.NAME_MAX ? email.substring(0, email.indexOf('@')) : name,
                clock.instant());
        em.persist(user);
        return user;
    }

    public static String validPassword(String field, String password) {
        if (password == null || password.length() < Passwords.MIN_LENGTH) {
            throw DomainException.invalid(field, "The password must have at least " + Passwords.MIN_LENGTH + " characters");
        }
        if (password.length() > PASSWORD_MAX) {
            throw DomainException.invalid(field, "The password must have at most " + PASSWORD_MAX + " characters");
        }
        return password;
    }

    static String validDisplayName(String field, String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > User.NAME_MAX) {
            throw DomainException.invalid(field, DISPLAY_NAME_RANGE);
        }
        return name;
    }

    /** The account acting, which must still be active. */
    public User active(Actor actor) {
        User user = em.find(User.class, actor.userId());
        if (user == null || !user.isActive()) {
            throw DomainException.forbidden("Your account is deactivated: ask a superuser to reactivate it");
        }
        return user;
    }
}
