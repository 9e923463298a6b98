package org.rilltokens.apis.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A CSV file (header row, comma-separated, double quotes for fields with commas or quotes) loaded into
 * a table of the same name, with each column typed by what all its values look like: whole numbers,
 * decimals, dates (YYYY-MM-DD), booleans, else text. Empty fields are NULL.
 */
public final class CsvTable {

    private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";

    private CsvTable() {
    }

    /** Creates and fills the table; returns its name. */
    public static String load(Path csv, Connection connection) throws IOException, SQLException {
        String table = csv.getFileName().toString().replaceFirst("\\.csv$", "").toLowerCase();
        if (!table.matches(IDENTIFIER)) {
            throw new IOException(csv + ": the file name must be a table name (letters, digits, '_')");
        }
        List<List<String>> rows = read(csv);
        if (rows.isEmpty()) {
            throw new IOException(csv + ": a header row is required");
        }
        List<String> header = rows.get(0).stream().map(String::strip).map(String::toLowerCase).toList();
        for (String column : header) {
            if (!column.matches(IDENTIFIER)) {
                throw new IOException(csv + ":1: column '" + column + "' is not a valid name (letters, digits, '_')");
            }
        }
        List<List<String>> data = rows.subList(1, rows.size());
        List<String> types = new ArrayList<>();
        for (int column = 0; column < header.size(); column++) {
            types.add(typeOf(data, column));
        }
        create(connection, table, header, types);
        insert(connection, table, header, types, data, csv);
        return table;
    }

    private static void create(Connection connection, String table, List<String> header, List<String> types) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            columns.add(quoted(header.get(i)) + " " + types.get(i));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + quoted(table) + " (" + String.join(", ", columns) + ")");
        }
    }

    private static void insert(Connection connection, String table, List<String> header, List<String> types,
            List<List<String>> data, Path csv) throws SQLException, IOException {
        String marks = String.join(", ", Collections.nCopies(header.size(), "?"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + quoted(table) + " VALUES (" + marks + ")")) {
            for (int row = 0; row < data.size(); row++) {
                List<String> values = data.get(row);
                if (values.size() != header.size()) {
                    throw new IOException(csv + ":" + (row + 2) + ": " + values.size() + " fields, the header has " + header.size());
                }
                for (int column = 0; column < values.size(); column++) {
                    insert.setObject(column + 1, value(values.get(column), types.get(column)));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Quoted, so that a column may be called e.g. "day" or "order"; names are lower case, as unquoted SQL sees them. */
    private static String quoted(String identifier) {
        return '"' + identifier + '"';
    }

    static String typeOf(List<List<String>> data, int column) {
        boolean whole = true;
        boolean decimal = true;
        boolean date = true;
        boolean bool = true;
        int scale = 0;
        for (List<String> row : data) {
            String value = column < row.size() ? row.get(column).strip() : "";
            if (value.isEmpty()) {
                continue;
            }
            whole &= value.matches("-?\\d{1,18}");
            decimal &= value.matches("-?\\d+(\\.\\d+)?");
            date &= value.matches("\\d{4}-\\d{2}-\\d{2}");
            bool &= value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            int dot = value.indexOf('.');
            scale = Math.max(scale, dot < 0 ? 0 : value.length() - dot - 1);
        }
        if (whole) {
            return "BIGINT";
        }
        if (decimal) {
            return "NUMERIC(38, " + scale + ")";
        }
        return date ? "DATE" : bool ? "BOOLEAN" : "VARCHAR";
    }

    private static Object value(String text, String type) {
        String value = text.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (type.equals("BIGINT")) {
            return Long.valueOf(value);
        }
        if (type.startsWith("NUMERIC")) {
            return new BigDecimal(value);
        }
        return switch (type) {
            case "DATE" -> LocalDate.parse(value);
            case "BOOLEAN" -> Boolean.valueOf(value);
            default -> text;
        };
    }

    static List<List<String>> read(Path csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(fields(line, reader));
                }
            }
        }
        return rows;
    }

    /** The fields of one record; a quoted field may span lines. */
    private static List<String> fields(String first, BufferedReader more) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        String line = first;
        int i = 0;
        while (true) {
            if (i == line.length()) {
                if (!quoted) {
                    break;
                }
                String next = more.readLine();
                if (next == null) {
                    throw new IOException("a quoted field is not closed");
                }
                field.append('\n');
                line = next;
                i = 0;
                continue;
            }
            char c = line.charAt(i++);
            if (quoted && c == '"' && i < line.length() && line.charAt(i) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
