package org.rilltokens.security;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import org.rilltokens.platform.RetriedTransaction;
import org.rilltokens.platform.Sha256;
import org.rilltokens.users.entity.User;

/**
 * Slows down password guessing, per account (the email typed, whether or not such an account
 * exists) and per client address. The first attempts are free; after that every further attempt
 * earns a pause, twice as long each time, up to {@link #LONGEST_PAUSE}.
 *
 * <p>Counted in the database rather than per node: behind a load balancer each node would otherwise
 * grant its own free attempts, and a pause earned on one node would not hold on the next. Attempts
 * are counted <em>before</em> the password is checked, under a row lock, so parallel guesses cannot
 * all slip through below the limit; a successful sign-in takes its attempt back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignInThrottle {

    /** A few typos are normal; a guessing script needs thousands of tries. */
    static final int FREE_PER_ACCOUNT = 5;
    /** Higher, because one office or NAT address can hold many people. */
    static final int FREE_PER_ADDRESS = 20;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(30);
    static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    RetriedTransaction transactions;

    @Inject
    Clock clock;

    /** Counts an attempt and lets it through, or says how long to wait first (and counts nothing). */
    public Optional<Duration> admit(String email, String address) {
        return inTransaction(() -> {
            Instant now = clock.instant();
            SignInCounter account = locked(accountKey(email), now);
            SignInCounter client = locked(addressKey(address), now);
            Duration wait = pauseLeft(account, client, now);
            if (!wait.isZero()) {
                return Optional.of(wait);
            }
            account.count(now, FORGET_AFTER);
            client.count(now, FORGET_AFTER);
            return Optional.empty();
        });
    }

    /** After a failed attempt: how long until the next one is let through (zero: at once). */
    public Duration pauseAfterFailure(String email, String address) {
        Instant now = clock.instant();
        return pauseLeft(find(accountKey(email), now), find(addressKey(address), now), now);
    }

    public void succeeded(String email, String address) {
        inTransaction(() -> {
            Optional.ofNullable(em.find(SignInCounter.class, accountKey(email))).ifPresent(em::remove);
            Optional.ofNullable(em.find(SignInCounter.class, addressKey(address))).ifPresent(SignInCounter::uncount);
            return null;
        });
    }

    @Schedule(hour = "*", minute = "*/15", persistent = false)
    void forgetIdle() {
        inTransaction(() -> em.createNamedQuery(SignInCounter.DELETE_IDLE_SINCE)
                .setParameter("since", clock.instant().minus(FORGET_AFTER).atOffset(ZoneOffset.UTC)).executeUpdate());
    }

    /** The pause {@code attempts} earn when the first {@code free} ones cost nothing. */
    static Duration pauseEarned(int attempts, int free) {
        if (attempts < free) {
            return Duration.ZERO;
        }
        Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(attempts - free, 16));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }

    private static Duration pauseLeft(SignInCounter account, SignInCounter client, Instant now) {
        Duration forAccount = account.pauseLeft(pauseEarned(account.attempts(), FREE_PER_ACCOUNT), now);
        Duration forClient = client.pauseLeft(pauseEarned(client.attempts(), FREE_PER_ADDRESS), now);
        return forAccount.compareTo(forClient) >= 0 ? forAccount : forClient;
    }

    private SignInCounter locked(String key, Instant now) {
        SignInCounter counter = em.find(SignInCounter.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (counter == null) {
            counter = new SignInCounter(key, now);
            em.persist(counter);
        }
        return counter;
    }

    private SignInCounter find(String key, Instant now) {
        return Optional.ofNullable(em.find(SignInCounter.class, key)).orElseGet(() -> new SignInCounter(key, now));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.run("count a sign-in attempt", work);
    }

    static String accountKey(String email) {
        return Sha256.hex("account:" + (email == null ? "" : User.normalizeEmail(email)));
    }

    static String addressKey(String address) {
        return Sha256.hex("address:" + address);
    }

}
