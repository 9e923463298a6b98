package org.rilltokens.limits.control;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named limit: at most {@code count} uses per {@code period} for one subject (a client address, an account,
 * or everyone), all at once if need be, then one more every {@code period / count}: a token bucket of {@code count}
 * refilled greedily, counted by {@link DatabaseBuckets}.
 */
public record RateLimit(String name, long count, Duration period) {

    private static final Pattern SETTING = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*([smhd])\\s*");

    public RateLimit {
        Objects.requireNonNull(name);
        if (count < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("A rate limit needs a count and a period: " + count + "/" + period);
        }
    }

    /** Uses taken at once (up to the number asked for), or none and how long until one is back. */
    public record Grant(long granted, Duration retryAfter) {
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
