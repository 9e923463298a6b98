package org.rilltokens.tokens.boundary;

import java.util.Locale;
import java.util.Optional;

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

    private final String label;
    private final Long minutes;

    Expiration(String label, Long minutes) {
        this.label = label;
        this.minutes = minutes;
    }

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

    /** The preset's minutes; empty for "never" and "custom". */
    public Optional<Long> minutes() {
        return Optional.ofNullable(minutes);
    }
}
