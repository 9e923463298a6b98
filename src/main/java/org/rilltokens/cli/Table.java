package org.rilltokens.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rows under a header, each column as wide as its widest cell plus two spaces (counted in screen columns),
 * text from the server made printable first so it cannot rewrite the terminal.
 */
final class Table {

    private static final String GAP = "  ";

    private Table() {
    }

    static String render(List<String> headers, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(headers);
        rows.forEach(row -> all.add(row.stream().map(cell -> ColumnText.printable(cell == null ? "" : cell)).toList()));
        int[] widths = new int[headers.size()];
        all.forEach(row -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], ColumnText.width(row.get(i)));
            }
        });
        return all.stream().map(row -> line(row, widths)).collect(Collectors.joining("\n", "", "\n"));
    }

    private static String line(List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size() - 1; i++) {
            line.append(ColumnText.pad(row.get(i), widths[i])).append(GAP);
        }
        return line.append(row.get(row.size() - 1)).toString().stripTrailing();
    }
}
