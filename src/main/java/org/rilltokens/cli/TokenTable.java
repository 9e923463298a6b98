package org.rilltokens.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of {@code rill token list} (SPEC §7): ID, DISPLAY NAME, CREATED, EXPIRES, LAST USED, each
 * column as wide as its widest cell plus two spaces, times in one time zone, "Never" for no time. Very
 * long names are cut with an ellipsis so rows stay on one line; {@code --output json} has them whole.
 * When any token is restricted (SPEC §11), an ACCESS column after those says what each one reaches.
 */
final class TokenTable {

    static final List<String> HEADERS = List.of("ID", "DISPLAY NAME", "CREATED", "EXPIRES", "LAST USED");
    static final String ACCESS = "ACCESS";
    static final int NAME_MAX_WIDTH = 48;
    static final String NEVER = "Never";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    TokenTable(ZoneId zone) {
        this.zone = zone;
    }

    String render(List<ListedToken> tokens) {
        boolean access = tokens.stream().anyMatch(ListedToken::isRestricted);
        return Table.render(access ? with(HEADERS, ACCESS) : HEADERS,
                tokens.stream().map(token -> access ? with(cells(token), token.access()) : cells(token)).toList());
    }

    private List<String> cells(ListedToken token) {
        String name = ColumnText.truncate(ColumnText.printable(token.displayName()), NAME_MAX_WIDTH);
        String expires = when(token.expiresOn()) + (token.expired() ? " (expired)" : "");
        return List.of(token.prefix(), name, when(token.createdOn()), expires, when(token.usedOn()));
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
