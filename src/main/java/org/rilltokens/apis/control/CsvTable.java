package org.rilltokens.apis.control;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file (RFC 4180: header row, comma-separated, double quotes around fields with commas, quotes or line
 * breaks) loaded into a table of the same name, with each column typed by what all its values look like:
 * whole numbers, decimals, dates (YYYY-MM-DD), booleans, else text. Empty fields are NULL, blank lines are
 * skipped, and every problem names the file and the line where the record starts.
 */
public final class CsvTable {

    /** One record and the line of the file it starts on. */
    record Row(int line, List<String> values) {
    }

    private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]*";
    // Empty lines are kept as records so that each record starts on the line after the previous one ends.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private CsvTable() {
    }

    /** Creates and fills the table; returns its name. */
    public static String load(Path csv, Connection connection) throws InvalidProjectFile, SQLException {
        String table = csv.getFileName().toString().replaceFirst("\\.csv$", "").toLowerCase(Locale.ROOT);
        if (!table.matches(IDENTIFIER)) {
            throw new InvalidProjectFile(csv, 1, "the file name must be a table name (letters, digits, '_')");
        }
        List<Row> rows = read(csv);
        if (rows.isEmpty()) {
            throw new InvalidProjectFile(csv, 1, "a header row is required");
        }
        List<String> header = header(csv, rows.get(0));
        List<Row> data = rows.subList(1, rows.size());
        for (Row row : data) {
            if (row.values().size() != header.size()) {
                throw new InvalidProjectFile(csv, row.line(), row.values().size() + " fields, the header has "
                        + header.size());
            }
        }
        List<String> types = new ArrayList<>();
        for (int column = 0; column < header.size(); column++) {
            types.add(typeOf(data, column));
        }
        try {
            create(connection, table, header, types);
        } catch (SQLException e) {
            throw new InvalidProjectFile(csv, 1, "table '" + table + "' cannot be created: " + e.getMessage());
        }
        insert(connection, table, types, data, csv);
        return table;
    }

    private static List<String> header(Path csv, Row first) throws InvalidProjectFile {
        List<String> header = first.values().stream().map(String::strip).map(name -> name.toLowerCase(Locale.ROOT)).toList();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!column.matches(IDENTIFIER)) {
                throw new InvalidProjectFile(csv, first.line(), "column '" + column + "' is not a valid name (letters, digits, '_')");
            }
            if (!seen.add(column)) {
                throw new InvalidProjectFile(csv, first.line(), "column '" + column + "' appears twice");
            }
        }
        return header;
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

    private static void insert(Connection connection, String table, List<String> types, List<Row> data, Path csv)
            throws SQLException, InvalidProjectFile {
        String marks = String.join(", ", Collections.nCopies(types.size(), "?"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + quoted(table) + " VALUES (" + marks + ")")) {
            for (Row row : data) {
                for (int column = 0; column < types.size(); column++) {
                    insert.setObject(column + 1, value(row.values().get(column), types.get(column)));
                }
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (BatchUpdateException e) {
            int[] counts = e.getUpdateCounts();
            int failed = 0;
            while (failed < counts.length && counts[failed] != Statement.EXECUTE_FAILED) {
                failed++;
            }
            int line = data.get(Math.min(failed, data.size() - 1)).line();
            throw new InvalidProjectFile(csv, line, "the record cannot be stored: " + e.getMessage());
        }
    }

    /** Quoted, so that a column may be called e.g. "day" or "order"; names are lower case, as unquoted SQL sees them. */
    private static String quoted(String identifier) {
        return '"' + identifier + '"';
    }

    static String typeOf(List<Row> data, int column) {
        boolean whole = true;
        boolean decimal = true;
        boolean date = true;
        boolean bool = true;
        int digits = 0;
        int scale = 0;
        for (Row row : data) {
            String value = column < row.values().size() ? row.values().get(column).strip() : "";
            if (value.isEmpty()) {
                continue;
            }
            whole &= value.matches("-?\\d{1,18}");
            decimal &= value.matches("-?\\d+(\\.\\d+)?");
            date &= isDate(value);
            bool &= value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
            int dot = value.indexOf('.');
            scale = Math.max(scale, dot < 0 ? 0 : value.length() - dot - 1);
            digits = Math.max(digits, (dot < 0 ? value.length() : dot) - (value.startsWith("-") ? 1 : 0));
        }
        if (whole) {
            return "BIGINT";
        }
        // NUMERIC holds at most 38 digits: wider numbers stay text rather than fail to load.
        if (decimal && digits + scale <= 38) {
            return "NUMERIC(38, " + scale + ")";
        }
        return date ? "DATE" : bool ? "BOOLEAN" : "VARCHAR";
    }

    private static boolean isDate(String value) {
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return false;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
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

    /** The file's records with their first lines; blank lines are left out. */
    static List<Row> read(Path csv) throws InvalidProjectFile {
        List<Row> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                int line = (int) parser.getCurrentLineNumber() + 1;
                try {
                    if (!records.hasNext()) {
                        return rows;
                    }
                    CSVRecord record = records.next();
                    if (record.size() > 1 || !record.get(0).isBlank()) {
                        rows.add(new Row(line, record.toList()));
                    }
                } catch (UncheckedIOException e) {
                    throw new InvalidProjectFile(csv, line, e.getCause() instanceof CharacterCodingException
                            ? "not UTF-8 text (at or after this line)" : "not valid CSV: " + e.getCause().getMessage());
                }
            }
        } catch (IOException e) {
            throw new InvalidProjectFile(csv, 1, "cannot be read: " + e.getMessage());
        }
    }
}
