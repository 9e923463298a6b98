package org.rilltokens.tokens.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.Minutes;

/**
 * The instance's token policy, set by superusers (one row): the longest lifetime a token may be issued with,
 * whether every token must expire, and after how many days without a use a token is revoked (0: never).
 * Checked wherever a token is issued or rotated, so the portal, REST and the CLI give the same answer.
 */
@Entity
@Table(name = "token_policy")
public class TokenPolicy {

    public static final int ID = 1;
    public static final int UNUSED_DAYS_DEFAULT = 180;
    public static final int UNUSED_DAYS_MAX = 36_500;

    @Id
    private int id;

    @Column(name = "max_lifetime_minutes")
    private Long maxLifetimeMinutes;

    @Column(name = "expiration_required", nullable = false)
    private boolean expirationRequired;

    @Column(name = "unused_days", nullable = false)
    private int unusedDays;

    protected TokenPolicy() {
    }

    public TokenPolicy(Long maxLifetimeMinutes, boolean expirationRequired, int unusedDays) {
        this.id = ID;
        change(maxLifetimeMinutes, expirationRequired, unusedDays);
    }

    /** Replaces the policy; each value is checked as a superuser typed it. */
    public final void change(Long maxLifetimeMinutes, boolean expirationRequired, int unusedDays) {
        if (maxLifetimeMinutes != null && (maxLifetimeMinutes < 1 || maxLifetimeMinutes > UserToken.TTL_MINUTES_MAX)) {
            throw DomainException.invalid("maxLifetimeMinutes", "maxLifetimeMinutes must be between 1 and "
                    + UserToken.TTL_MINUTES_MAX + ", or null for no maximum; got " + maxLifetimeMinutes);
        }
        if (unusedDays < 0 || unusedDays > UNUSED_DAYS_MAX) {
            throw DomainException.invalid("unusedDays", "unusedDays must be between 0 (never revoke unused tokens) and "
                    + UNUSED_DAYS_MAX + "; got " + unusedDays);
        }
        this.maxLifetimeMinutes = maxLifetimeMinutes;
        this.expirationRequired = expirationRequired;
        this.unusedDays = unusedDays;
    }

    public Optional<Long> maxLifetimeMinutes() {
        return Optional.ofNullable(maxLifetimeMinutes);
    }

    /** A maximum lifetime implies that tokens must expire. */
    public boolean expirationRequired() {
        return expirationRequired || maxLifetimeMinutes != null;
    }

    public int unusedDays() {
        return unusedDays;
    }

    /** Whether a token asked to live {@code ttlMinutes} (null: forever) may be issued. */
    public boolean allows(Long ttlMinutes) {
        return refusal(ttlMinutes).isEmpty();
    }

    /** Refuses a lifetime the policy does not allow, with a 400 on {@code ttlMinutes} that names the limit. */
    public void check(Long ttlMinutes) {
        refusal(ttlMinutes).ifPresent(refusal -> {
            throw refusal;
        });
    }

    private Optional<DomainException> refusal(Long ttlMinutes) {
        if (ttlMinutes == null && expirationRequired()) {
            return Optional.of(DomainException.invalid("ttlMinutes", "This service requires every token to expire"
                    + maxLifetimeMinutes().map(max -> " within " + Minutes.describe(max) + " (ttlMinutes at most " + max + ")")
                            .orElse(": give ttlMinutes")));
        }
        if (ttlMinutes != null && maxLifetimeMinutes != null && ttlMinutes > maxLifetimeMinutes) {
            return Optional.of(DomainException.invalid("ttlMinutes", "This service allows tokens to live at most "
                    + Minutes.describe(maxLifetimeMinutes) + " (ttlMinutes at most " + maxLifetimeMinutes + "); got "
                    + ttlMinutes));
        }
        return Optional.empty();
    }

    /**
     * The lifetime of a token issued without asking (a CLI login): as asked when allowed, else the longest the
     * policy allows.
     */
    public Long fitted(Long ttlMinutes) {
        if (allows(ttlMinutes)) {
            return ttlMinutes;
        }
        return maxLifetimeMinutes().orElse(UserToken.TTL_MINUTES_MAX);
    }
}
