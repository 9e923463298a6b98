package org.rilltokens.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
    private static final String GAP = "  ";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    TokenTable(ZoneId zone) {
        this.zone = zone;
    }

    String render(List<ListedToken> tokens) {
        boolean access = tokens.stream().anyMatch(ListedToken::isRestricted);
        List<List<String>> rows = new ArrayList<>();
        rows.add(access ? with(HEADERS, ACCESS) : HEADERS);
        tokens.forEach(token -> rows.add(access ? with(cells(token), token.access()) : cells(token)));
        int[] widths = new int[rows.get(0).size()];
        rows.forEach(row -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], ColumnText.width(row.get(i)));
            }
        });
        return rows.stream().map(row -> line(row, widths)).collect(Collectors.joining("\n", "", "\n"));
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

    private static String line(List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size() - 1; i++) {
            line.append(ColumnText.pad(row.get(i), widths[i])).append(GAP);
        }
        return line.append(row.get(row.size() - 1)).toString().stripTrailing();
    }

    String when(Instant instant) {
        return instant == null ? NEVER : WHEN.format(instant.atZone(zone));
    }
}
