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
import java.util.stream.IntStream;
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

    /** An account that must exist: its email, display name, and the password it gets when it is created. */
    public record Account(String email, String displayName, String password) {
    }

    /**
     * The users with these emails, in the same order, each created when missing (an existing account is left as it is); the passwords
     * of the missing ones are hashed side by side (each hash is meant to be slow: startup would wait for them in turn).
     */
    public List<User> ensureAll(List<Account> accounts) {
        List<Optional<User>> found = accounts.stream().map(account -> findByEmail(account.email())).toList();
        List<String> hashes = IntStream.range(0, accounts.size()).parallel()
                .mapToObj(i -> found.get(i).isPresent() ? null : passwords.hash(accounts.get(i).password())).toList();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            String hash = hashes.get(i);
            users.add(found.get(i).orElseGet(() -> {
                User user = new User(account.email(), account.displayName(), clock.instant());
                user.changePasswordHash(hash);
                em.persist(user);
                return user;
            }));
        }
        return users;
    }

    /** The user with this email, created with {@code password} when missing; an existing account is left as it is. */
    public User ensure(String email, String displayName, String password) {
        return ensureAll(List.of(new Account(email, displayName, password))).get(0);
    }

    /** The administrator with this email; an existing account becomes superuser but keeps its password. */
    public User ensureSuperuser(String email, String password) {
        User admin = ensure(email, User.normalizeEmail(email).split("@")[0], password);
        admin.grantSuperuser();
        return em.merge(admin);
    }
}
