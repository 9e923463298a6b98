package org.rilltokens.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A token's lifetime in minutes, as the server takes it (1 minute to 10 years), and as people type it. */
final class Ttl {

    static final long MAX_MINUTES = 5_256_000L;
    private static final Pattern TYPED = Pattern.compile("(\\d{1,9})\\s*([dhm]?)");

    private Ttl() {
    }

    /** "30d", "12h", "90m" or a number of days; null for blank or "never". */
    static Long parseMinutes(String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || text.equals("never")) {
            return null;
        }
        Matcher matcher = TYPED.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Type a number of days, or a number with d, h or m (like 30d, 12h, 90m)");
        }
        long amount = Long.parseLong(matcher.group(1));
        long minutes = switch (matcher.group(2)) {
            case "h" -> amount * 60;
            case "m" -> amount;
            default -> amount * 24 * 60;
        };
        check(minutes);
        return minutes;
    }

    static void check(long minutes) {
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("A token lives between 1 minute and 10 years (" + MAX_MINUTES
                    + " minutes); leave the expiration out for one that never expires");
        }
    }
}
