package org.rilltokens.tokens.boundary;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.rilltokens.platform.DomainException;

/**
 * The lifetimes the portal offers. The form sends {@link #value()}: the minutes themselves, which
 * the page's script also reads to show the resulting date, or "never" / "custom".
 */
public enum Expiration {
    ONE_DAY("1 day", 24L * 60),
    SEVEN_DAYS("7 days", 7L * 24 * 60),
    THIRTY_DAYS("30 days", 30L * 24 * 60),
    NINETY_DAYS("90 days", 90L * 24 * 60),
    ONE_YEAR("1 year", 365L * 24 * 60),
    NEVER("No expiration (not recommended)", null),
    CUSTOM("Custom (minutes)", null);

    /** Long enough for most scripts, short enough that a forgotten token does not live forever. */
    public static final Expiration DEFAULT = THIRTY_DAYS;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final String label;
    private final Long minutes;

    Expiration(String label, Long minutes) {
        this.label = label;
        this.minutes = minutes;
    }

    /** The choice a form value names; anything else is the default. */
    public static Expiration of(String value) {
        for (Expiration expiration : values()) {
            if (expiration.value().equals(value)) {
                return expiration;
            }
        }
        return DEFAULT;
    }

    public String value() {
        return minutes != null ? minutes.toString() : name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /**
     * Minutes to live, or null for a token that never expires. Custom minutes must be a whole number
     * here; whether it is in range is the token's rule ({@code UserToken.validTtl}).
     */
    public Long ttlMinutes(String customMinutes) {
        if (this != CUSTOM) {
            return minutes;
        }
        String typed = customMinutes == null ? "" : customMinutes.strip();
        if (!typed.matches("\\d{1,12}")) {
            throw DomainException.invalid("customMinutes", "Enter whole minutes, for example 90 for an hour and a half");
        }
        return Long.valueOf(typed);
    }

    /** When a token made at {@code now} with this choice would expire, as the form says it. */
    public String preview(Instant now) {
        if (this == NEVER) {
            return "Never expires.";
        }
        return minutes == null ? "Expires after the minutes you enter." : "Expires on " + date(now.plus(Duration.ofMinutes(minutes))) + ".";
    }

    /** "Sun 2026-12-06 10:30 UTC". */
    public static String date(Instant instant) {
        return DATE.format(instant);
    }
}
