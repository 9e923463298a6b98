package org.rilltokens.apis.control;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Where one project's APIs read their data. By default an in-memory database private to the project,
 * filled from the project's CSV files, that API queries reach only as a read-only user: such a user cannot
 * open files or other databases (H2 reserves FILE_READ, CSVREAD, LINK_SCHEMA, CREATE ALIAS to admins),
 * and nothing else — the application's own tables, other projects — lives in that database.
 * Optionally a JDBC URL of the project's own database, whose grants are then the operator's to set.
 */
public final class ProjectData implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String url;
    private final String user;
    private final String password;
    private final String ownerPassword;
    private final List<String> tables;

    private ProjectData(String url, String user, String password, String ownerPassword, List<String> tables) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.ownerPassword = ownerPassword;
        this.tables = List.copyOf(tables);
    }

    public static ProjectData embedded(List<Path> csvFiles) throws IOException, SQLException {
        String url = "jdbc:h2:mem:rill-project-" + UUID.randomUUID();
        // Database settings go with the owner's first connection: H2 lets only admins set them.
        String creation = url + ";DB_CLOSE_DELAY=-1;DATABASE_TO_LOWER=TRUE";
        String ownerPassword = secret();
        String readerPassword = secret();
        List<String> tables = new ArrayList<>();
        // The first user of a new H2 database is its admin.
        try (Connection owner = DriverManager.getConnection(creation, "owner", ownerPassword);
                Statement statement = owner.createStatement()) {
            for (Path csv : csvFiles) {
                tables.add(CsvTable.load(csv, owner));
            }
            statement.execute("CREATE USER reader PASSWORD '" + readerPassword + "'");
            for (String table : tables) {
                statement.execute("GRANT SELECT ON \"" + table + "\" TO reader");
            }
        }
        return new ProjectData(url, "reader", readerPassword, ownerPassword, tables);
    }

    public static ProjectData external(String url, String user, String password) {
        return new ProjectData(url, user, password, null, List.of());
    }

    public Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        connection.setReadOnly(true);
        return connection;
    }

    public List<String> tables() {
        return tables;
    }

    /** Frees an embedded database; an external one is left alone. */
    @Override
    public void close() {
        if (ownerPassword == null) {
            return;
        }
        try (Connection owner = DriverManager.getConnection(url, "owner", ownerPassword);
                Statement statement = owner.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already gone: nothing to free.
        }
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
