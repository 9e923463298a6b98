package org.rilltokens.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Recent failed (or still running) sign-in attempts for one account or one client address. The
 * rules — how many attempts are free, how long a pause lasts — belong to {@link SignInThrottle}.
 */
@Entity
@Table(name = "sign_in_counters")
@NamedQuery(name = SignInCounter.DELETE_IDLE_SINCE, query = "DELETE FROM SignInCounter c WHERE c.lastAttempt < :since")
public class SignInCounter {

    public static final String DELETE_IDLE_SINCE = "SignInCounter.deleteIdleSince";

    @Id
    @Column(name = "subject_hash", length = 64)
    private String subjectHash;

    private int attempts;

    @Column(name = "last_attempt", nullable = false)
    private OffsetDateTime lastAttempt;

    protected SignInCounter() {
    }

    public SignInCounter(String subjectHash, Instant now) {
        this.subjectHash = Objects.requireNonNull(subjectHash);
        this.lastAttempt = now.atOffset(ZoneOffset.UTC);
    }

    /** How long this subject must still wait, given how long a pause {@code attempts} earn. */
    public Duration pauseLeft(Duration earned, Instant now) {
        Duration left = earned.minus(Duration.between(lastAttempt.toInstant(), now));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Counts one more attempt; a counter left alone for {@code forgetAfter} starts again from zero. */
    public void count(Instant now, Duration forgetAfter) {
        if (lastAttempt.toInstant().plus(forgetAfter).isBefore(now)) {
            attempts = 0;
        }
        attempts++;
        lastAttempt = now.atOffset(ZoneOffset.UTC);
    }

    /** A successful sign-in takes back the attempt it was counted as. */
    public void uncount() {
        attempts = Math.max(0, attempts - 1);
    }

    public int attempts() {
        return attempts;
    }
}
