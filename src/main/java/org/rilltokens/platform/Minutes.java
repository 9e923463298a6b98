package org.rilltokens.platform;

/** A number of minutes as people say it in a message: "90 days", "36 hours", "1 minute". */
public final class Minutes {

    private static final long HOUR = 60;
    private static final long DAY = 24 * HOUR;

    private Minutes() {
    }

    public static String describe(long minutes) {
        if (minutes >= DAY && minutes % DAY == 0) {
            return count(minutes / DAY, "day");
        }
        if (minutes >= HOUR && minutes % HOUR == 0) {
            return count(minutes / HOUR, "hour");
        }
        return count(minutes, "minute");
    }

    private static String count(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
