package org.rilltokens.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as people read them in a table: "in 6 days", "3 h ago", "just now", and the exact UTC
 * time for a tooltip. Each unit is rounded to the nearest, so a token issued for 7 days reads
 * "in 7 days" right after it was made, not "in 6 days".
 */
public final class RelativeTime {

    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private RelativeTime() {
    }

    /** "in 6 days" for a future instant, "3 h ago" for a past one. */
    public static String from(Instant when, Instant now) {
        Duration distance = Duration.between(now, when);
        boolean future = !distance.isNegative();
        long seconds = Math.abs(distance.getSeconds());
        if (seconds < 45) {
            return future ? "in less than a minute" : "just now";
        }
        String span = span(seconds);
        return future ? "in " + span : span + " ago";
    }

    public static String exact(Instant when) {
        return EXACT.format(when);
    }

    private static String span(long seconds) {
        long minutes = Math.max(1, Math.round(seconds / 60.0));
        if (minutes < 45) {
            return minutes + " min";
        }
        long hours = Math.max(1, Math.round(seconds / 3600.0));
        if (hours < 22) {
            return hours + " h";
        }
        long days = Math.max(1, Math.round(seconds / 86400.0));
        if (days < 45) {
            return plural(days, "day");
        }
        if (days < 345) {
            return plural(Math.round(days / 30.0), "month");
        }
        return plural(Math.max(1, Math.round(days / 365.0)), "year");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
