package org.rilltokens.limits.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named limit: at most {@code count} uses per {@code period} for one subject (a client address, an account,
 * or everyone), all at once if need be, then one more every {@code period / count}. Kept as the generic cell
 * rate algorithm: a subject's whole state is one instant, its "theoretical arrival time".
 */
public record RateLimit(String name, long count, Duration period) {

    private static final Pattern SETTING = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*([smhd])\\s*");

    public RateLimit {
        Objects.requireNonNull(name);
        if (count < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a count and a period: " + count + "/" + period);
        }
    }

    /** What a use at {@code now} leads to, given the subject's state (empty: never used, or long ago). */
    public record Decision(boolean admitted, Instant state, Duration retryAfter) {
    }

    public Decision decide(Optional<Instant> state, Instant now) {
        Grant grant = grant(state, now, 1);
        return new Decision(grant.granted() == 1, grant.state(), grant.retryAfter());
    }

    /** Up to {@code wanted} uses taken at once: as many as are left (then the new state), or none and how long to wait. */
    public record Grant(long granted, Instant state, Duration retryAfter) {
    }

    public Grant grant(Optional<Instant> state, Instant now, long wanted) {
        if (wanted < 1) {
            throw new IllegalArgumentException("wanted must be at least 1, not " + wanted);
        }
        Instant from = state.filter(now::isBefore).orElse(now);
        // The allowance is full when the state is now; each use moves the state one interval further, up to a period ahead.
        long left = Duration.between(from, now.plus(period)).dividedBy(interval());
        if (left < 1) {
            return new Grant(0, from, Duration.between(now, from.plus(interval())).minus(period));
        }
        long granted = Math.min(wanted, left);
        return new Grant(granted, from.plus(interval().multipliedBy(granted)), Duration.ZERO);
    }

    /** A limit of {@code perSecond} uses sustained with bursts of up to {@code burst}: {@code burst} per {@code burst / perSecond} s. */
    public static RateLimit perSecond(String name, long perSecond, long burst) {
        return new RateLimit(name, burst, Duration.ofNanos(Math.max(1, Math.round(burst * 1e9 / perSecond))));
    }

    /** Sustained uses per second. */
    public double perSecond() {
        return count * 1e9 / period.toNanos();
    }

    /** The time one use takes to come back. */
    public Duration interval() {
        return period.dividedBy(count);
    }

    /** This limit as a setting overrides it, e.g. {@code 20/10m} (units s, m, h, d). */
    public RateLimit configured(String setting) {
        Matcher parts = SETTING.matcher(setting);
        if (!parts.matches()) {
            throw new IllegalArgumentException("Rate limit " + name + " must look like 20/10m (count per period in s, m, h or d), not '"
                    + setting + "'");
        }
        long amount = Long.parseLong(parts.group(2));
        Duration per = switch (parts.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        return new RateLimit(name, Long.parseLong(parts.group(1)), per);
    }
}
