package org.rilltokens.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of {@code rill token list} (SPEC §7): ID, DISPLAY NAME, CREATED, EXPIRES, LAST USED, each
 * column as wide as its widest cell plus two spaces, times in one time zone, "Never" for no time. Very
 * long names are cut with an ellipsis so rows stay on one line; {@code --output json} has them whole.
 * When any token is restricted (SPEC §11), an ACCESS column after those says what each one reaches. Given the
 * time now, a token that ends within 7 days says "(expires soon)" after its expiry, as the portal's banner does.
 */
final class TokenTable {

    static final List<String> HEADERS = List.of("ID", "DISPLAY NAME", "CREATED", "EXPIRES", "LAST USED");
    static final String ACCESS = "ACCESS";
    static final int NAME_MAX_WIDTH = 48;
    static final String NEVER = "Never";
    static final String EXPIRES_SOON = " (expires soon)";
    static final Duration SOON = Duration.ofDays(7);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;
    private final Instant now;

    /** A table without "expires soon" marks, or one for its times alone ({@link #when}). */
    TokenTable(ZoneId zone) {
        this(zone, null);
    }

    TokenTable(ZoneId zone, Instant now) {
        this.zone = zone;
        this.now = now;
    }

    String render(List<ListedToken> tokens) {
        boolean access = tokens.stream().anyMatch(ListedToken::isRestricted);
        return Table.render(access ? with(HEADERS, ACCESS) : HEADERS,
                tokens.stream().map(token -> access ? with(cells(token), token.access()) : cells(token)).toList());
    }

    private List<String> cells(ListedToken token) {
        String name = ColumnText.truncate(ColumnText.printable(token.displayName()), NAME_MAX_WIDTH);
        String expires = when(token.expiresOn()) + (token.expired() ? " (expired)" : expiresSoon(token) ? EXPIRES_SOON : "");
        return List.of(token.prefix(), name, when(token.createdOn()), expires, when(token.usedOn()));
    }

    boolean expiresSoon(ListedToken token) {
        return now != null && !token.expired() && token.expiresOn() != null && token.expiresOn().isBefore(now.plus(SOON));
    }

    private static List<String> with(List<String> cells, String last) {
        List<String> all = new ArrayList<>(cells);
        all.add(last);
        return all;
    }

    String when(Instant instant) {
        return instant == null ? NEVER : WHEN.format(instant.atZone(zone));
    }
}
