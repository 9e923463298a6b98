package org.rilltokens.users.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.rilltokens.users.control.Passwords;
import org.rilltokens.users.entity.User;

/** Finding people, checking their passwords, and creating accounts at startup. */
@ApplicationScoped
@Transactional
public class Users {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    Clock clock;

    public Optional<User> find(UUID id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    public Optional<User> findByEmail(String email) {
        return em.createNamedQuery(User.FIND_BY_EMAIL, User.class)
                .setParameter("email", User.normalizeEmail(email))
                .getResultStream().findFirst();
    }

    /** The active user with this email and password; unknown emails take as long to refuse as wrong passwords. */
    public Optional<User> signIn(String email, String password) {
        Optional<User> user = email == null ? Optional.empty() : findByEmail(email);
        boolean verified = passwords.verify(password, user.map(User::passwordHash));
        return user.filter(found -> verified && found.isActive());
    }

    /**
     * An account that must exist: its email, display name, and the stored form of the password it gets when it is created
     * (a hash as {@link Passwords#hash} makes it, so that startup need not spend a slow hash on every account it creates).
     */
    public record Account(String email, String displayName, String passwordHash) {
    }

    /** The users with these emails, in the same order, each created when missing; an existing account is left as it is. */
    public List<User> ensureAll(List<Account> accounts) {
        List<User> users = new ArrayList<>();
        for (Account account : accounts) {
            users.add(findByEmail(account.email()).orElseGet(() -> create(account.email(), account.displayName(), account.passwordHash())));
        }
        return users;
    }

    /** The user with this email, created with {@code password} when missing; an existing account is left as it is. */
    public User ensure(String email, String displayName, String password) {
        return findByEmail(email).orElseGet(() -> create(email, displayName, passwords.hash(password)));
    }

    private User create(String email, String displayName, String passwordHash) {
        User user = new User(email, displayName, clock.instant());
        user.changePasswordHash(passwordHash);
        em.persist(user);
        return user;
    }

    /** The administrator with this email; an existing account becomes superuser but keeps its password. */
    public User ensureSuperuser(String email, String password) {
        User admin = ensure(email, User.normalizeEmail(email).split("@")[0], password);
        admin.grantSuperuser();
        return em.merge(admin);
    }
}
