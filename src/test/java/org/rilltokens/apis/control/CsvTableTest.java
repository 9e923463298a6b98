package org.rilltokens.apis.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV files loaded into a real in-memory H2 database, as a project's data folder is. */
class CsvTableTest {

    @TempDir
    Path folder;

    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:csv-" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE", "sa", "");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws Exception {
        load("notes.csv", "id,text,day\r\n"
                + "1,\"Magnet, giant\",2024-01-02\r\n"
                + "\n"
                + "2,\"She said \"\"hi\"\"\",2024-01-03\n"
                + "3,\"two\nlines\",\n");

        assertThat(rows("SELECT id, text, \"day\" FROM notes ORDER BY id")).containsExactly(
                "1|Magnet, giant|2024-01-02", "2|She said \"hi\"|2024-01-03", "3|two\nlines|null");
        assertThat(types("notes")).containsExactly("BIGINT", "CHARACTER VARYING", "DATE");
    }

    @Test
    void columnsAreTypedByAllTheirValues() throws Exception {
        load("mixed.csv", "n,amount,flag,day,code,wide\n"
                + "1,10.5,true,2024-02-29,007,1\n"
                + "-2,3,FALSE,2024-03-01,x,123456789012345678901234567890.123456789\n");

        assertThat(types("mixed")).containsExactly("BIGINT", "NUMERIC", "BOOLEAN", "DATE", "CHARACTER VARYING",
                "CHARACTER VARYING");
        assertThat(rows("SELECT SUM(amount), COUNT(*) FILTER (WHERE flag) FROM mixed")).containsExactly("13.5|1");
    }

    @Test
    void aDateThatDoesNotExistIsText() throws Exception {
        load("days.csv", "day\n2024-02-30\n");
        assertThat(types("days")).containsExactly("CHARACTER VARYING");
    }

    @Test
    void aRecordWithTheWrongNumberOfFieldsNamesItsLine() throws IOException {
        // The bad record starts on line 5: line 3 holds a field that spans two lines.
        assertRefused("orders.csv", "id,text\n1,a\n2,\"b\nc\"\n3,d,extra\n", "orders.csv:5: 3 fields, the header has 2");
        assertRefused("short.csv", "id,text\n\n\n1\n", "short.csv:4: 1 fields, the header has 2");
    }

    @Test
    void malformedCsvNamesTheLineOfTheRecord() throws IOException {
        assertRefused("open.csv", "id,text\n1,ok\n2,\"never closed\n3,x\n", "open.csv:3: not valid CSV");
        assertRefused("after.csv", "id,text\n1,\"quoted\"tail\n", "after.csv:2: not valid CSV");
        Path latin1 = folder.resolve("latin.csv");
        Files.write(latin1, new byte[] {'i', 'd', '\n', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> CsvTable.load(latin1, connection)).hasMessageContaining("latin.csv:").hasMessageContaining("UTF-8");
    }

    @Test
    void badHeadersAndFileNamesAreRefusedWithLineOne() throws IOException {
        assertRefused("empty.csv", "\n\n", "empty.csv:1: a header row is required");
        assertRefused("names.csv", "id,two words\n1,2\n", "names.csv:1: column 'two words' is not a valid name");
        assertRefused("twice.csv", "id,ID\n1,2\n", "twice.csv:1: column 'id' appears twice");
        assertRefused("not-a-table.csv", "id\n1\n", "not-a-table.csv:1: the file name must be a table name");
        assertRefused("late.csv", "\n\nid,\"\"\n", "late.csv:3: column '' is not a valid name");
    }

    private void load(String name, String text) throws Exception {
        CsvTable.load(Files.writeString(folder.resolve(name), text), connection);
    }

    private void assertRefused(String name, String text, String message) throws IOException {
        Path file = Files.writeString(folder.resolve(name), text);
        assertThatThrownBy(() -> CsvTable.load(file, connection)).isInstanceOf(InvalidProjectFile.class).hasMessageContaining(message);
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    values.add(String.valueOf(result.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private List<String> types(String table) throws SQLException {
        return rows("SELECT UPPER(data_type) FROM information_schema.columns WHERE table_name = '" + table + "' ORDER BY ordinal_position");
    }
}
